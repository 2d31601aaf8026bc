using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ElasticFunnels.Crm.Tests.Diagnostics;

public sealed class TelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Call_WithListener_OneSpanNamedAfterTheOperationWithHttpAttributes()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entries/es-doc-id-xyz", json: CrmStub.Fixture("entries/create.json"));
        var port = new Uri(stub.Server.Url!).Port;
        var spans = new ConcurrentQueue<Activity>();
        using var listener = SpanListener.Listen(spans, port);

        await stub.Client.Entries.GetAsync("es-doc-id-xyz", Ct);

        var span = Assert.Single(spans);
        Assert.Equal("Entries.Get", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("/api/brands/{brand}/crm/entries/{entry}", span.GetTagItem("url.template"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task Calls_OfDifferentOperations_SpansNamedAfterEachOperation()
    {
        using var stub = new CrmStub().RespondToAll(200, """{"id":1,"title":"t","name":"n","key":"k","type":"text"}""");
        var port = new Uri(stub.Server.Url!).Port;
        var spans = new ConcurrentQueue<Activity>();
        using var listener = SpanListener.Listen(spans, port);

        await stub.Client.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads" }, Ct);
        await stub.Client.Entries.MoveToStageAsync(1, "e1", 2, Ct);
        await stub.Client.Entries.MoveToStageAsync("e1", 2, Ct);
        await stub.Client.Fields.DeleteAsync(3, Ct);
        await stub.Client.Stages.ReorderAsync([new StagePosition(1, 0)], Ct);

        Assert.Equal(
            [
                ("Entities.Create", "/api/brands/{brand}/crm/entities"),
                ("Entries.MoveToStage", "/api/brands/{brand}/crm/entities/{entity}/entries/{entry}/stage"),
                ("Entries.MoveToStage", "/api/brands/{brand}/crm/entries/{entry}/stage"),
                ("Fields.Delete", "/api/brands/{brand}/crm/fields/{field}"),
                ("Stages.Reorder", "/api/brands/{brand}/crm/stages/reorder"),
            ],
            spans.Select(s => (s.DisplayName, (string)s.GetTagItem("url.template")!)));
    }

    [Fact]
    public async Task Call_RetriedThenFailed_SpanHasResendCountAndErrorType()
    {
        using var stub = new CrmStub(o => o.Retry.MaxRetryAttempts = 2).Respond("GET", "/api/brands/42/crm/stages/3", 503, """{"message":"Service Unavailable"}""");
        var port = new Uri(stub.Server.Url!).Port;
        var spans = new ConcurrentQueue<Activity>();
        using var listener = SpanListener.Listen(spans, port);

        await Assert.ThrowsAsync<CrmApiException>(() => stub.Client.Stages.GetAsync(3, Ct));

        Assert.Equal(3, stub.Requests.Count);
        var span = Assert.Single(spans);
        Assert.Equal(2, span.GetTagItem("http.request.resend_count"));
        Assert.Equal("503", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task Call_WithMeterListener_RecordsDurationAndFailure()
    {
        using var stub = new CrmStub(o => o.Retry.MaxRetryAttempts = 0).Respond("GET", "/api/brands/42/crm/fields/4", 418, """{"message":"teapot"}""");
        var durations = new ConcurrentQueue<(double Value, Dictionary<string, object?> Tags)>();
        var failures = new ConcurrentQueue<(long Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ElasticFunnelsCrmTelemetry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<double>((_, value, tags, _) => durations.Enqueue((value, ToDictionary(tags))));
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) => failures.Enqueue((value, ToDictionary(tags))));
        meters.Start();

        await Assert.ThrowsAsync<CrmApiException>(() => stub.Client.Fields.GetAsync(4, Ct));

        Assert.Contains(durations, d => Is418(d.Tags) && d.Value > 0);
        Assert.Contains(failures, f => Is418(f.Tags) && f.Value == 1 && (string?)f.Tags["error.type"] == "418");
    }

    [Fact]
    public async Task DependencyInjection_DebugLogging_LogsRequestWithoutKey()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entity-presets", json: CrmStub.Fixture("presets/list.json"));
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddElasticFunnelsCrm(o =>
        {
            o.AccessKey = CrmStub.AccessKey;
            o.BrandId = 42;
            o.BaseAddress = new Uri(stub.Server.Url! + "/api/");
        });
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IElasticFunnelsCrmClient>().Presets.ListAsync(Ct);

        Assert.Contains(logs.Records, l => l.StartsWith("Debug ElasticFunnels.Crm ", StringComparison.Ordinal) && l.Contains("ElasticFunnels CRM Presets.List: GET /api/brands/42/crm/entity-presets answered 200", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Records, l => l.Contains(CrmStub.AccessKey, StringComparison.Ordinal));
    }

    private static bool Is418(Dictionary<string, object?> tags) =>
        tags.TryGetValue("http.response.status_code", out var status) && status is 418
        && (string?)tags["url.template"] == "/api/brands/{brand}/crm/fields/{field}";

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
