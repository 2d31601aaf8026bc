using System.Net;
using System.Text.Json;

namespace ElasticFunnels.Crm.Tests.Errors;

/// <summary>The messages and properties of the SDK's exceptions, as a caller reads them (also when building them by hand for tests).</summary>
public sealed class ExceptionMessageTests
{
    private static CrmError Error(HttpStatusCode status, string? apiMessage = null, Dictionary<string, IReadOnlyList<string>>? fieldErrors = null, string? snippet = null, TimeSpan? retryAfter = null) => new()
    {
        StatusCode = status,
        Method = "POST",
        Path = "/api/brands/42/crm/entities/1/entries",
        ApiMessage = apiMessage,
        FieldErrors = fieldErrors ?? new Dictionary<string, IReadOnlyList<string>>(),
        BodySnippet = snippet,
        RetryAfter = retryAfter,
    };

    private static Dictionary<string, IReadOnlyList<string>> FieldErrors(int count) =>
        Enumerable.Range(1, count).ToDictionary(i => $"f{i}", i => (IReadOnlyList<string>)[$"m{i}."]);

    [Theory]
    [InlineData(HttpStatusCode.UnprocessableEntity, "422 (Unprocessable Entity)")]
    [InlineData(HttpStatusCode.TooManyRequests, "429 (Too Many Requests)")]
    [InlineData(HttpStatusCode.NotFound, "404 (Not Found)")]
    [InlineData(HttpStatusCode.InternalServerError, "500 (Internal Server Error)")]
    [InlineData(HttpStatusCode.BadGateway, "502 (Bad Gateway)")]
    [InlineData((HttpStatusCode)599, "599 (Unknown)")]
    public void DescribeFailure_Status_NamesCodeAndReasonPhrase(HttpStatusCode status, string expected)
    {
        Assert.Equal($"POST /api/brands/42/crm/entities/1/entries failed with {expected}.", CrmApiException.DescribeFailure(Error(status)));
    }

    [Theory]
    [InlineData("Nope", "Nope.")]
    [InlineData("  Nope...  ", "Nope.")]
    [InlineData("Slug taken.", "Slug taken.")]
    public void DescribeFailure_ApiMessage_EndsWithExactlyOnePeriod(string apiMessage, string expected)
    {
        Assert.EndsWith($"failed with 409 (Conflict): {expected}", CrmApiException.DescribeFailure(Error(HttpStatusCode.Conflict, apiMessage)));
    }

    [Fact]
    public void DescribeFailure_ThreeFieldErrors_ListsAllThreeAndNoMore()
    {
        var text = CrmApiException.DescribeFailure(Error(HttpStatusCode.UnprocessableEntity, fieldErrors: FieldErrors(3)));

        Assert.EndsWith("(Unprocessable Entity): f1: m1. f2: m2. f3: m3.", text);
    }

    [Fact]
    public void DescribeFailure_FourFieldErrors_CountsTheOneLeftOut()
    {
        var text = CrmApiException.DescribeFailure(Error(HttpStatusCode.UnprocessableEntity, fieldErrors: FieldErrors(4)));

        Assert.EndsWith("(Unprocessable Entity): f1: m1. f2: m2. f3: m3. and 1 more field error(s).", text);
    }

    [Fact]
    public void DescribeFailure_MessageAndFieldErrors_MessageFirst()
    {
        var text = CrmApiException.DescribeFailure(Error(HttpStatusCode.UnprocessableEntity, "The given data was invalid", FieldErrors(1)));

        Assert.EndsWith("(Unprocessable Entity): The given data was invalid. f1: m1.", text);
    }

    [Fact]
    public void DescribeFailure_OnlyABodySnippet_PointsToIt()
    {
        var text = CrmApiException.DescribeFailure(Error(HttpStatusCode.BadGateway, snippet: "<html>"));

        Assert.EndsWith("failed with 502 (Bad Gateway): the response body was not JSON (see Error.BodySnippet).", text);
    }

    [Fact]
    public void DescribeFailure_ApiMessageAndSnippet_SnippetNotMentioned()
    {
        var text = CrmApiException.DescribeFailure(Error(HttpStatusCode.BadGateway, "Down", snippet: "<html>"));

        Assert.EndsWith("(Bad Gateway): Down.", text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void DescribeFailure_BlankMessageAndSnippet_EndsAfterTheStatus(string blank)
    {
        var text = CrmApiException.DescribeFailure(Error(HttpStatusCode.NotFound, blank, snippet: blank));

        Assert.Equal("POST /api/brands/42/crm/entities/1/entries failed with 404 (Not Found).", text);
    }

    [Theory]
    [InlineData(7000, "7")]
    [InlineData(1200, "2")] // rounded up: waiting 1 s would be too early
    [InlineData(0, "0")]
    public void DescribeFailure_RetryAfter_WholeSecondsRoundedUp(int milliseconds, string seconds)
    {
        var text = CrmApiException.DescribeFailure(Error(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromMilliseconds(milliseconds)));

        Assert.Equal($"POST /api/brands/42/crm/entities/1/entries failed with 429 (Too Many Requests). The server asked to retry after {seconds} s (Retry-After).", text);
    }

    [Fact]
    public void DescribeFailure_NullError_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CrmApiException.DescribeFailure(null!));
    }

    [Fact]
    public void Constructor_Error_ExposesEveryDetailAndDescribesIt()
    {
        var error = Error(HttpStatusCode.UnprocessableEntity, "Invalid", FieldErrors(1)) with { ErrorCode = "invalid" };

        var ex = new CrmValidationException(error);

        Assert.Same(error, ex.Error);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ex.StatusCode);
        Assert.Equal("Invalid", ex.ApiMessage);
        Assert.Equal("invalid", ex.ErrorCode);
        Assert.Equal(["m1."], ex.FieldErrors["f1"]);
        Assert.Null(ex.RawResponse);
        Assert.Equal(CrmApiException.DescribeFailure(error), ex.Message);
    }

    [Fact]
    public void Constructor_OwnMessageAndCause_KeepsBoth()
    {
        var cause = new InvalidOperationException("cause");

        var ex = new CrmApiException(Error(HttpStatusCode.BadGateway), "custom", cause);

        Assert.Equal("custom", ex.Message);
        Assert.Same(cause, ex.InnerException);
    }

    [Fact]
    public void Constructor_NullError_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new CrmApiException(null!, "message"));
    }

    [Fact]
    public void RateLimitException_RetryAfter_IsTheServersHint()
    {
        var ex = new CrmRateLimitException(Error(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(3)), "slow down");

        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
        Assert.Equal("slow down", ex.Message);
    }

    [Fact]
    public void CrmError_ByDefault_HasNoFieldErrorsAndEmptyRequest()
    {
        var error = new CrmError();

        Assert.Empty(error.FieldErrors);
        Assert.Equal(string.Empty, error.Method);
        Assert.Equal(string.Empty, error.Path);
        Assert.Equal(string.Empty, error.PathTemplate);
    }

    [Theory]
    [InlineData(CrmValueErrorReason.Missing, JsonValueKind.Undefined, null, "The entry has no value for 'deal_value' (expected decimal).")]
    [InlineData(CrmValueErrorReason.Null, JsonValueKind.Null, "null", "The entry value 'deal_value' is null (expected decimal).")]
    [InlineData(CrmValueErrorReason.WrongType, JsonValueKind.String, "\"abc\"", "The entry value 'deal_value' cannot be read as decimal: it is a string \"abc\".")]
    [InlineData(CrmValueErrorReason.WrongType, JsonValueKind.Array, "[1]", "The entry value 'deal_value' cannot be read as decimal: it is an array [1].")]
    [InlineData(CrmValueErrorReason.WrongType, JsonValueKind.Object, "{}", "The entry value 'deal_value' cannot be read as decimal: it is an object {}.")]
    public void ValueException_FromWhatWasFound_MessageSaysWhichCase(CrmValueErrorReason reason, JsonValueKind kind, string? snippet, string message)
    {
        var ex = new CrmValueException("deal_value", "decimal", reason, kind, snippet);

        Assert.Equal(message, ex.Message);
        Assert.Equal("deal_value", ex.Key);
        Assert.Equal("decimal", ex.ExpectedType);
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(kind, ex.ActualKind);
        Assert.Equal(snippet, ex.ActualSnippet);
    }

    [Theory]
    [InlineData(CrmValueErrorReason.Missing, JsonValueKind.Undefined)]
    [InlineData(CrmValueErrorReason.Null, JsonValueKind.Null)]
    [InlineData(CrmValueErrorReason.WrongType, JsonValueKind.Undefined)]
    public void ValueException_OwnMessage_KindFollowsTheReason(CrmValueErrorReason reason, JsonValueKind kind)
    {
        var cause = new JsonException("inner");

        var ex = new CrmValueException("k", "int", reason, "custom", cause);

        Assert.Equal("custom", ex.Message);
        Assert.Equal(kind, ex.ActualKind);
        Assert.Null(ex.ActualSnippet);
        Assert.Equal(reason, ex.Reason);
        Assert.Equal("k", ex.Key);
        Assert.Equal("int", ex.ExpectedType);
        Assert.Same(cause, ex.InnerException);
    }

    [Fact]
    public void SchemaValidationException_OneProblem_SaysOneProblemAndListsIt()
    {
        var ex = new CrmSchemaValidationException(7, [new EntryValueProblem("x", EntryValueProblemKind.UnknownField, "'x' is unknown.")]);

        Assert.StartsWith("The entry values do not match the fields of entity 7 (1 problem); nothing was sent. 'x' is unknown.", ex.Message);
        Assert.Equal("request", ex.ParamName);
        Assert.Equal(7, ex.EntityId);
        Assert.Single(ex.Problems);
    }

    [Fact]
    public void SchemaValidationException_TwoProblems_CountsThemAndJoinsWithSpaces()
    {
        var ex = new CrmSchemaValidationException(
            7,
            [new EntryValueProblem("x", EntryValueProblemKind.UnknownField, "A."), new EntryValueProblem("y", EntryValueProblemKind.WrongType, "B.")],
            "values");

        Assert.StartsWith("The entry values do not match the fields of entity 7 (2 problems); nothing was sent. A. B.", ex.Message);
        Assert.Equal("values", ex.ParamName);
    }

    [Fact]
    public void ExceptionTypes_EveryConstructor_KeepsMessageAndCause()
    {
        var cause = new IOException("io");
        Exception[] built =
        [
            new CrmException(), new CrmException("m"), new CrmException("m", cause),
            new CrmConnectionException(), new CrmConnectionException("m"), new CrmConnectionException("m", cause),
            new CrmTimeoutException(), new CrmTimeoutException("m"), new CrmTimeoutException("m", cause),
        ];

        Assert.All(built.Where((_, i) => i % 3 == 1), e => Assert.Equal("m", e.Message));
        Assert.All(built.Where((_, i) => i % 3 == 2), e => Assert.Same(cause, e.InnerException));
        Assert.All(built.Where((_, i) => i % 3 == 0), e => Assert.Null(e.InnerException));
    }
}
