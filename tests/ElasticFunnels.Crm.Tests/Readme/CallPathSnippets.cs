using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>The README's "Per-call options", "Raw responses" and "Calling an endpoint the SDK does not cover" snippets, compiled and run.</summary>
public sealed class CallPathSnippets
{
    [Fact]
    public async Task PerCallOptions_TimeoutHeadersAndRetries_Applied()
    {
        using var stub = new CrmStub()
            .Respond("GET", "/api/brands/42/crm/entries/es-doc-id-xyz", json: CrmStub.Fixture("entries/create.json"))
            .Respond("POST", "/api/brands/42/crm/entities/1/entries", 201, CrmStub.Fixture("entries/create.json"));
        var crm = stub.Client;
        var cancellationToken = TestContext.Current.CancellationToken;
        const string traceId = "trace-42";
        const string entryId = "es-doc-id-xyz";

        #region PerCallOptions
        // One call with a 5-second budget (shorter or longer than the client's Timeout) and a header of yours:
        var fresh = await crm.Entries.GetAsync(entryId, new CrmRequestOptions
        {
            Timeout = TimeSpan.FromSeconds(5),
            Headers = { ["X-Trace-Id"] = traceId },
        }, cancellationToken);

        // A create that must not wait through retries: no second attempt after a failure.
        var once = new CrmRequestOptions { DisableRetries = true, ValidateAgainstSchema = false };
        var created = await crm.Entries.CreateAsync(entityId: 1, new EntryCreateRequest { Title = "Jane", PipelineId = 1, StageId = 1 }, once, cancellationToken);
        #endregion

        Assert.Equal(entryId, fresh.Id);
        Assert.Equal("es-doc-id-xyz", created.Id);
        var get = stub.Requests.Single(r => r.RequestMessage!.Method == "GET").RequestMessage!;
        Assert.Equal([traceId], get.Headers!["X-Trace-Id"]);
    }

    [Fact]
    public async Task RawResponses_SuccessFailureAndPages_Read()
    {
        using var stub = new CrmStub()
            .Respond("POST", "/api/brands/42/crm/entities/1/entries", 201, CrmStub.Fixture("entries/create.json"), new Dictionary<string, string> { ["X-Request-Id"] = "7f3a" })
            .Respond("GET", "/api/brands/42/crm/entries/missing", 404, """{"message":"Entry not found"}""", new Dictionary<string, string> { ["X-Request-Id"] = "9b1c" })
            .Respond("GET", "/api/brands/42/crm/entities/1/entries", json: CrmStub.Fixture("entries/list.json"), headers: new Dictionary<string, string> { ["X-Request-Id"] = "page-1" });
        var crm = stub.Client;
        var cancellationToken = TestContext.Current.CancellationToken;
        var output = ConsoleCapture.Start();
        try
        {

        #region RawResponses
        CrmResponse<Entry> response = await crm.Entries.CreateWithResponseAsync(
            entityId: 1,
            new EntryCreateRequest { Title = "Jane Doe", PipelineId = 1, StageId = 1 },
            cancellationToken: cancellationToken);
        Entry lead = response.Value;
        Console.WriteLine($"{(int)response.StatusCode} {lead.Id}: request id {response.RequestId}, " +
                          $"{response.Attempts} attempt(s), {response.Duration.TotalMilliseconds:0} ms");

        try
        {
            await crm.Entries.GetAsync("missing", cancellationToken);
        }
        catch (CrmNotFoundException notFound)
        {
            // Failures carry the same shape; their headers are only those safe to log.
            Console.WriteLine($"not found, request id {notFound.RawResponse?.RequestId}");
        }

        CrmPage<Entry> page = await crm.Entries.ListAsync(entityId: 1, cancellationToken: cancellationToken);
        Console.WriteLine($"{page.Values.Count} of {page.Total}, request id {page.RawResponse?.RequestId}");
        #endregion

        }
        finally
        {
            output.Dispose();
        }

        Assert.Contains("201 es-doc-id-xyz: request id 7f3a, 1 attempt(s)", output.Text, StringComparison.Ordinal);
        Assert.Contains("not found, request id 9b1c", output.Text, StringComparison.Ordinal);
        Assert.Contains("1 of 87, request id page-1", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawRequests_UntypedEndpoint_SentThroughThePipeline()
    {
        using var stub = new CrmStub()
            .Respond("GET", "/api/brands/42/crm/entities/1/automations", json: """{"data":[{"id":3,"name":"Welcome"}]}""")
            .Respond("POST", "/api/brands/42/crm/entities/1/automations", 201, """{"id":4,"name":"Follow-up"}""");
        var crm = stub.Client;
        var cancellationToken = TestContext.Current.CancellationToken;

        #region RawRequests
        // GET .../crm/entities/1/automations?active=true, with the key, retries, size cap, telemetry and typed errors.
        var automations = await crm.SendAsync(
            new CrmRawRequest(HttpMethod.Get, "entities/1/automations") { Query = { ["active"] = "true" } },
            cancellationToken);
        foreach (var automation in automations.Value.GetProperty("data").EnumerateArray())
        {
            Console.WriteLine(automation.GetProperty("name").GetString());
        }

        // POST with a JSON body; a POST is never re-sent after an ambiguous failure, like every create.
        var added = await crm.SendAsync(
            new CrmRawRequest(HttpMethod.Post, "entities/1/automations") { Body = new JsonObject { ["name"] = "Follow-up" } },
            cancellationToken);
        long automationId = added.Value.GetProperty("id").GetInt64();
        #endregion

        Assert.Equal(4, automationId);
        Assert.Equal(JsonValueKind.Array, automations.Value.GetProperty("data").ValueKind);
        Assert.Contains(stub.Requests, r => r.RequestMessage!.Method == "POST" && r.RequestMessage.Body == """{"name":"Follow-up"}""");
        Assert.Contains(stub.Requests, r => r.RequestMessage!.Method == "GET" && r.RequestMessage.Query!["active"].Single() == "true");
    }
}
