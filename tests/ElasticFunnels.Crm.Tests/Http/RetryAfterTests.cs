using System.Diagnostics;
using System.Globalization;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static ElasticFunnels.Crm.Tests.Infrastructure.Replies;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>429 and Retry-After, in both forms, capped by the option and the call's budget; each asserts how many requests WireMock received.</summary>
public sealed class RetryAfterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EntityCreateRequest NewEntity() => new() { Name = "Leads", Slug = "leads" };

    [Fact]
    public async Task GetAsync_429WithRetryAfterSeconds_WaitsThatLongThenRetries()
    {
        using var stub = new CrmStub();
        stub.Sequence("GET", Status(429, "1"), Ok());
        var clock = Stopwatch.StartNew();

        var entity = await stub.Client.Entities.GetAsync(1, Ct);

        Assert.Equal(1, entity.Id);
        Assert.Equal(2, stub.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"Retried after {clock.Elapsed}, before the 1 s the server asked for.");
    }

    [Fact]
    public async Task CreateAsync_429WithRetryAfterDate_RetriesThePostOnceAfterTheDate()
    {
        using var stub = new CrmStub();
        var at = DateTimeOffset.UtcNow.AddSeconds(2).ToString("R", CultureInfo.InvariantCulture);
        stub.Sequence("POST", Status(429, at), Ok(201));
        var clock = Stopwatch.StartNew();

        var entity = await stub.Client.Entities.CreateAsync(NewEntity(), Ct);

        Assert.Equal(1, entity.Id);
        var requests = stub.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].RequestMessage!.Body, requests[1].RequestMessage!.Body);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"Retried after {clock.Elapsed}, before the date the server gave.");
    }

    [Fact]
    public void Read_RetryAfterDateWithoutDateHeader_MeasuredAgainstTheClientsClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

        var wait = RetryAfterHeader.Read("Mon, 30 Nov 2026 12:00:07 GMT", date: null, time);

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("Wed, 99 Foo 2024 25:61:00 GMT")]
    public async Task GetAsync_429WithMalformedRetryAfter_RetriesWithBackoff(string retryAfter)
    {
        using var stub = new CrmStub();
        stub.Sequence("GET", Status(429, retryAfter), Ok());

        var entity = await stub.Client.Entities.GetAsync(1, Ct);

        Assert.Equal(1, entity.Id);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task GetAsync_429WithRetryAfterBeyondCap_FailsAtOnceCarryingTheHint()
    {
        using var stub = new CrmStub();
        stub.Sequence("GET", Status(429, "120"), Ok());
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<CrmRateLimitException>(() => stub.Client.Entities.GetAsync(1, Ct));

        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.Contains("retry after 120 s", ex.Message);
        Assert.Single(stub.Requests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Took {clock.Elapsed}: the SDK must not wait for a hint beyond its cap.");
    }

    [Fact]
    public async Task GetAsync_429WithRetryAfterBeyondTheCallsBudget_FailsAtOnce()
    {
        using var stub = new CrmStub(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(20);
            o.AttemptTimeout = TimeSpan.FromSeconds(15);
            o.Retry.MaxRetryAfter = TimeSpan.FromSeconds(120);
        });
        stub.Sequence("GET", Status(429, "60"), Ok());

        var ex = await Assert.ThrowsAsync<CrmRateLimitException>(() => stub.Client.Entities.GetAsync(1, Ct));

        Assert.Equal(TimeSpan.FromSeconds(60), ex.RetryAfter);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task GetAsync_429AlwaysWithRateLimitOff_GivesUpAfterMaxRetryAttempts()
    {
        using var stub = new CrmStub(o =>
        {
            o.Retry.MaxRetryAttempts = 2;
            o.RateLimit.Mode = CrmRateLimitMode.Off;
        });
        stub.Sequence("GET", Status(429));

        await Assert.ThrowsAsync<CrmRateLimitException>(() => stub.Client.Entities.ListAsync(Ct));

        Assert.Equal(3, stub.Requests.Count);
    }
}
