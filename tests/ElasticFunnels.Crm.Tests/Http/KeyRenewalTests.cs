using System.Net;
using System.Text;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// A call refused with 401 after the client's key was rotated is sent again with the new key: at once (a
/// Retry-After on the 401 is not a reason to wait), and only once per call. Old keys stay redacted for a while.
/// </summary>
public sealed class KeyRenewalTests
{
    private const string FirstKey = "ef_live_renewal_0_1a2b3c4d";

    private static readonly Uri BaseAddress = new("https://api.example.test/api/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CrmClientRuntime Runtime(FakeTimeProvider clock) =>
        CrmClientRuntime.Create(
            TestOptions.For(BaseAddress, o =>
            {
                o.AccessKey = FirstKey;
                o.RateLimit.Mode = CrmRateLimitMode.Off;
                o.CircuitBreaker.Enabled = false;
                o.Retry.MaxRetryAttempts = 3;
            }),
            clock);

    /// <summary>Records the key and the fake time of each request; rotates the client's key, then refuses the request with a 401 asking to wait 10 s.</summary>
    private static AnsweringHandler RotatingRefuser(CrmClientRuntime runtime, FakeTimeProvider clock, List<(string Key, DateTimeOffset At)> seen)
    {
        return new AnsweringHandler(request =>
        {
            lock (seen)
            {
                seen.Add((request.Headers.GetValues("EF-Access-Key").Single(), clock.GetUtcNow()));
                runtime.UseAccessKey($"ef_live_renewal_{seen.Count}_1a2b3c4d");
            }

            var response = new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("""{"message":"Unauthenticated."}""", Encoding.UTF8, "application/json") };
            response.Headers.TryAddWithoutValidation("Retry-After", "10");
            return response;
        });
    }

    private static async Task RunToEnd(FakeTimeProvider clock, Task call)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        while (!call.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, patience.Token);
        }
    }

    [Fact]
    public async Task GetAsync_KeyRotatedAndRefusedWith401AndRetryAfter_SentAgainAtOnceWithTheNewKey_AndOnlyOnce()
    {
        var clock = new FakeTimeProvider();
        var runtime = Runtime(clock);
        var seen = new List<(string Key, DateTimeOffset At)>();
        using var client = new ElasticFunnelsCrmClient(runtime, RotatingRefuser(runtime, clock, seen), disposeHandler: true);

        var call = client.Entities.GetAsync(1, Ct);
        await RunToEnd(clock, call);

        var ex = await Assert.ThrowsAsync<CrmAuthenticationException>(() => call);
        Assert.Equal(2, ex.RawResponse!.Attempts);
        Assert.Equal([FirstKey, "ef_live_renewal_1_1a2b3c4d"], seen.Select(s => s.Key));
        // Sent again at once, not after the 10 s the 401 asked for (the fake clock only moves while the call runs).
        Assert.True(seen[1].At - seen[0].At < TimeSpan.FromSeconds(10), $"The second attempt was sent {seen[1].At - seen[0].At} after the first.");
    }

    [Fact]
    public void Redact_AfterFourRotations_TheCurrentKeyAndTheThreeBeforeItAreRedacted_TheFifthIsForgotten()
    {
        var runtime = Runtime(new FakeTimeProvider());
        string[] keys = [FirstKey, .. Enumerable.Range(1, 4).Select(i => $"ef_live_renewal_{i}_1a2b3c4d")];
        foreach (var key in keys.Skip(1))
        {
            Assert.True(runtime.UseAccessKey(key));
        }

        Assert.Equal($"{FirstKey} *** *** *** ***", runtime.Redact(string.Join(' ', keys)));
    }

    [Fact]
    public void UseAccessKey_TheKeyInUse_IsNoRotation()
    {
        var runtime = Runtime(new FakeTimeProvider());
        var credential = runtime.Credential;

        Assert.False(runtime.UseAccessKey(FirstKey));
        Assert.Same(credential, runtime.Credential);
    }
}
