using System.Net;

namespace ElasticFunnels.Crm.Tests.Errors;

/// <summary>Exceptions built by hand: argument checks and the status phrase of short status names.</summary>
public sealed class ExceptionArgumentTests
{
    [Fact]
    public void SchemaValidationException_NullProblems_ThrowsArgumentNullNamingProblems()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new CrmSchemaValidationException(7, null!));

        Assert.Equal("problems", ex.ParamName);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "200 (OK)")]
    [InlineData(HttpStatusCode.IMUsed, "226 (IM Used)")]
    [InlineData(HttpStatusCode.NotFound, "404 (Not Found)")]
    [InlineData(HttpStatusCode.Gone, "410 (Gone)")]
    [InlineData(HttpStatusCode.HttpVersionNotSupported, "505 (Http Version Not Supported)")]
    public void DescribeFailure_StatusName_SplitIntoWordsKeepingACapitalRunAsOneWord(HttpStatusCode status, string expected)
    {
        var error = new CrmError { StatusCode = status, Method = "GET", Path = "/api/brands/42/crm/entities" };

        Assert.Equal($"GET /api/brands/42/crm/entities failed with {expected}.", CrmApiException.DescribeFailure(error));
    }
}
