using System.Text.Json.Nodes;
using ElasticFunnels.Crm.Http;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>A WireMock server playing the ElasticFunnels API, and an SDK client pointed at it.</summary>
public sealed class CrmStub : IDisposable
{
    public const string AccessKey = "ef_live_canary_9f8e7d6c5b4a";
    public const long BrandId = 42;

    public CrmStub(Action<ElasticFunnelsCrmOptions>? configure = null)
    {
        Server = WireMockServer.Start();
        Options = new ElasticFunnelsCrmOptions
        {
            AccessKey = AccessKey,
            BrandId = BrandId,
            BaseAddress = new Uri(Server.Url! + "/api/"),
            Retry = { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), UseJitter = false },
        };
        configure?.Invoke(Options);

        // What new ElasticFunnelsCrmClient(Options) builds, on a clock of its own: the process keeps one request
        // budget per clock, origin and key, and WireMock reuses ports, so on the shared system clock a stub could
        // inherit the pause a 429 left in an earlier test's budget for the same port and key.
        Client = new ElasticFunnelsCrmClient(CrmClientRuntime.Create(Options, new SystemClockOfItsOwn()), CrmHttpPipeline.CreatePrimaryHandler(), disposeHandler: true);
    }

    public WireMockServer Server { get; }

    public ElasticFunnelsCrmOptions Options { get; }

    public ElasticFunnelsCrmClient Client { get; }

    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    /// <summary>A second client on the same WireMock server whose clock the test moves.</summary>
    public ElasticFunnelsCrmClient ClientWithClock(TimeProvider time) =>
        new(CrmClientRuntime.Create(Options, time), CrmHttpPipeline.CreatePrimaryHandler(), disposeHandler: true);

    public static string Fixture(string path) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", path));

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with a JSON body (or none).</summary>
    public CrmStub Respond(string method, string path, int status = 200, string? json = null, IDictionary<string, string>? headers = null, string contentType = "application/json")
    {
        var response = Response.Create().WithStatusCode(status);
        if (json is not null)
        {
            response = response.WithHeader("Content-Type", contentType).WithBody(json);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
        return this;
    }

    /// <summary>Answers every request with the given status and body.</summary>
    public CrmStub RespondToAll(int status, string? json = null, IDictionary<string, string>? headers = null, string contentType = "application/json")
    {
        var response = Response.Create().WithStatusCode(status);
        if (json is not null)
        {
            response = response.WithHeader("Content-Type", contentType).WithBody(json);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
        return this;
    }

    /// <summary>Asserts that exactly one request was received, and returns it.</summary>
    public ILogEntry SingleRequest()
    {
        var requests = Requests;
        Assert.Single(requests);
        return requests[0];
    }

    /// <summary>
    /// Asserts the one request received: method, raw path, exact query (order-insensitive), the
    /// access key and Accept headers, and the JSON body (compared as JSON, so property order and
    /// whitespace do not matter, but every property and value does).
    /// </summary>
    public void AssertSent(string method, string rawPath, string? expectedJsonBody = null, IReadOnlyDictionary<string, string>? query = null)
    {
        var request = SingleRequest().RequestMessage!;
        Assert.Equal(method, request.Method);
        var url = new Uri(request.AbsoluteUrl);
        Assert.Equal(rawPath, url.AbsolutePath);
        Assert.Equal(Normalize(query ?? new Dictionary<string, string>()), Normalize(ParseQuery(url.Query)));
        Assert.Equal(AccessKey, Assert.Single(request.Headers!["EF-Access-Key"]));
        Assert.Contains("application/json", request.Headers!["Accept"]!.Single());

        if (expectedJsonBody is null)
        {
            Assert.True(string.IsNullOrEmpty(request.Body), $"Expected no body but got: {request.Body}");
        }
        else
        {
            Assert.StartsWith("application/json", request.Headers!["Content-Type"].Single());
            var expected = JsonNode.Parse(expectedJsonBody);
            var actual = JsonNode.Parse(request.Body!);
            Assert.True(JsonNode.DeepEquals(expected, actual), $"Body differs.\nExpected: {expected?.ToJsonString()}\nActual:   {actual?.ToJsonString()}");
        }
    }

    public static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            result[Uri.UnescapeDataString(parts[0].Replace('+', ' '))] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
        }

        return result;
    }

    private static string Normalize(IReadOnlyDictionary<string, string> query) =>
        string.Join("&", query.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    public void Dispose()
    {
        Client.Dispose();
        Server.Stop();
        Server.Dispose();
    }

    /// <summary>The system's time, as a TimeProvider instance of its own.</summary>
    private sealed class SystemClockOfItsOwn : TimeProvider;
}
