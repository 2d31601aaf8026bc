using System.Net;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace ElasticFunnels.Crm.Tests;

/// <summary>
/// Written the way an application tests its own code: a small service of the application calls a mocked
/// <see cref="IElasticFunnelsCrmClient"/> that throws what <see cref="CrmModelFactory"/> makes, and the test asserts
/// what the service does with each failure.
/// </summary>
public sealed class MockedClientErrorTests
{
    private const long LeadsEntity = 3;
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly IElasticFunnelsCrmClient _crm = Substitute.For<IElasticFunnelsCrmClient>();
    private readonly LeadCapture _capture;

    public MockedClientErrorTests() => _capture = new LeadCapture(_crm, LeadsEntity, new FakeTimeProvider(Now));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private void CreateThrows(Exception exception) =>
        _crm.Entries.CreateAsync(LeadsEntity, Arg.Any<EntryCreateRequest>(), Arg.Any<CancellationToken>()).ThrowsAsync(exception);

    [Fact]
    public async Task CaptureAsync_Created_ReturnsTheEntryId()
    {
        _crm.Entries.CreateAsync(LeadsEntity, Arg.Is<EntryCreateRequest>(r => r.Title == "Jane Doe"), Arg.Any<CancellationToken>())
            .Returns(CrmModelFactory.Entry("e-91", "Jane Doe"));

        var result = await _capture.CaptureAsync("Jane Doe", "jane@example.com", Ct);

        Assert.Equal(new CaptureResult(CaptureStatus.Created, EntryId: "e-91"), result);
    }

    [Fact]
    public async Task CaptureAsync_ApiRejectsFields_ShowsEachFieldProblem()
    {
        CreateThrows(CrmModelFactory.CrmValidationException(new Dictionary<string, IReadOnlyList<string>>
        {
            ["email"] = ["The email must be a valid email address."],
            ["title"] = ["The title may not be greater than 255 characters.", "The title must be a string."],
        }));

        var result = await _capture.CaptureAsync("Jane Doe", "jane@", Ct);

        Assert.Equal(CaptureStatus.Invalid, result.Status);
        Assert.Equal(
            ["email: The email must be a valid email address.", "title: The title may not be greater than 255 characters."],
            result.Problems);
    }

    [Fact]
    public async Task CaptureAsync_RateLimitedWithRetryAfter_DefersUntilTheServerSaysSo()
    {
        CreateThrows(CrmModelFactory.CrmRateLimitException(TimeSpan.FromSeconds(45), "Too many requests. Please slow down."));

        var result = await _capture.CaptureAsync("Jane Doe", "jane@example.com", Ct);

        Assert.Equal(new CaptureResult(CaptureStatus.Deferred, RetryAt: Now.AddSeconds(45)), result);
    }

    [Fact]
    public async Task CaptureAsync_RateLimitedWithoutRetryAfter_DefersOneMinute()
    {
        CreateThrows(CrmModelFactory.CrmRateLimitException());

        var result = await _capture.CaptureAsync("Jane Doe", "jane@example.com", Ct);

        Assert.Equal(Now.AddMinutes(1), result.RetryAt);
    }

    [Fact]
    public async Task CaptureAsync_EntityGone_ReportsMisconfigurationNamingTheRequest()
    {
        CreateThrows(CrmModelFactory.CrmNotFoundException("No query results for model [CrmEntity] 3", method: "POST", path: "/api/brands/42/crm/entities/3/entries"));

        var result = await _capture.CaptureAsync("Jane Doe", "jane@example.com", Ct);

        Assert.Equal(CaptureStatus.Misconfigured, result.Status);
        Assert.Equal("The leads entity is gone: POST /api/brands/42/crm/entities/3/entries failed with 404 (Not Found): No query results for model [CrmEntity] 3.", result.Detail);
    }

    [Fact]
    public async Task CaptureAsync_KeyRefused_ReportsMisconfiguration()
    {
        CreateThrows(CrmModelFactory.CrmAuthenticationException("Unauthenticated."));

        var result = await _capture.CaptureAsync("Jane Doe", "jane@example.com", Ct);

        Assert.Equal(new CaptureResult(CaptureStatus.Misconfigured, Detail: "The CRM refused the access key (401): Unauthenticated."), result);
    }

    [Fact]
    public async Task CaptureAsync_PlanLimit_ReportsTheErrorCode()
    {
        CreateThrows(CrmModelFactory.CrmPermissionException("Upgrade your plan.", "plan_limit"));

        var result = await _capture.CaptureAsync("Jane Doe", "jane@example.com", Ct);

        Assert.Equal(new CaptureResult(CaptureStatus.Misconfigured, Detail: "The CRM refused the action (403 plan_limit): Upgrade your plan."), result);
    }

    [Fact]
    public async Task CaptureAsync_Conflict_TreatsTheLeadAsAlreadyCaptured()
    {
        CreateThrows(CrmModelFactory.CrmConflictException("An entry with this reference already exists."));

        var result = await _capture.CaptureAsync("Jane Doe", "jane@example.com", Ct);

        Assert.Equal(new CaptureResult(CaptureStatus.Duplicate), result);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task CaptureAsync_ServerError_DefersFiveMinutesKeepingTheRequestId(HttpStatusCode status)
    {
        CreateThrows(CrmModelFactory.CrmApiException(status, "Server Error", headers: new Dictionary<string, string> { ["X-Request-Id"] = "req-5e1" }, attempts: 3));

        var result = await _capture.CaptureAsync("Jane Doe", "jane@example.com", Ct);

        Assert.Equal(new CaptureResult(CaptureStatus.Deferred, RetryAt: Now.AddMinutes(5), Detail: "req-5e1 after 3 attempt(s)"), result);
    }

    [Fact]
    public async Task CaptureAsync_ClientError_IsNotSwallowed()
    {
        CreateThrows(CrmModelFactory.CrmApiException(HttpStatusCode.RequestEntityTooLarge));

        var ex = await Assert.ThrowsAsync<CrmApiException>(() => _capture.CaptureAsync("Jane Doe", "jane@example.com", Ct));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, ex.StatusCode);
    }

    public enum CaptureStatus
    {
        Created,
        Invalid,
        Deferred,
        Duplicate,
        Misconfigured,
    }

    public sealed record CaptureResult(CaptureStatus Status, string? EntryId = null, DateTimeOffset? RetryAt = null, string? Detail = null)
    {
        public IReadOnlyList<string> Problems { get; init; } = [];

        public bool Equals(CaptureResult? other) =>
            other is not null && (Status, EntryId, RetryAt, Detail) == (other.Status, other.EntryId, other.RetryAt, other.Detail) && Problems.SequenceEqual(other.Problems);

        public override int GetHashCode() => HashCode.Combine(Status, EntryId, RetryAt, Detail);
    }

    /// <summary>The application's service: records a sign-up as a lead and tells the web layer what happened.</summary>
    public sealed class LeadCapture(IElasticFunnelsCrmClient crm, long leadsEntityId, TimeProvider clock)
    {
        public async Task<CaptureResult> CaptureAsync(string name, string email, CancellationToken cancellationToken)
        {
            try
            {
                var request = new EntryCreateRequest { Title = name, Values = new Dictionary<string, FieldValue> { ["email"] = email } };
                var entry = await crm.Entries.CreateAsync(leadsEntityId, request, cancellationToken);
                return new CaptureResult(CaptureStatus.Created, EntryId: entry.Id);
            }
            catch (CrmValidationException ex)
            {
                return new CaptureResult(CaptureStatus.Invalid) { Problems = [.. ex.FieldErrors.Select(f => $"{f.Key}: {f.Value[0]}")] };
            }
            catch (CrmRateLimitException ex)
            {
                return new CaptureResult(CaptureStatus.Deferred, RetryAt: clock.GetUtcNow() + (ex.RetryAfter ?? TimeSpan.FromMinutes(1)));
            }
            catch (CrmNotFoundException ex)
            {
                return new CaptureResult(CaptureStatus.Misconfigured, Detail: $"The leads entity is gone: {ex.Message}");
            }
            catch (CrmAuthenticationException ex)
            {
                return new CaptureResult(CaptureStatus.Misconfigured, Detail: $"The CRM refused the access key ({(int)ex.StatusCode}): {ex.ApiMessage}");
            }
            catch (CrmPermissionException ex)
            {
                return new CaptureResult(CaptureStatus.Misconfigured, Detail: $"The CRM refused the action ({(int)ex.StatusCode} {ex.ErrorCode}): {ex.ApiMessage}");
            }
            catch (CrmConflictException)
            {
                return new CaptureResult(CaptureStatus.Duplicate);
            }
            catch (CrmApiException ex) when ((int)ex.StatusCode >= 500)
            {
                return new CaptureResult(CaptureStatus.Deferred, RetryAt: clock.GetUtcNow().AddMinutes(5), Detail: $"{ex.RawResponse?.RequestId} after {ex.RawResponse?.Attempts} attempt(s)");
            }
        }
    }
}
