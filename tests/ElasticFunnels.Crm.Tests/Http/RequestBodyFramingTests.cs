using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// Every request with a body goes out with a <c>Content-Length</c> and without chunked encoding: proxies,
/// WAFs and PHP front ends refuse chunked request bodies or pass them on empty. Read off the wire.
/// </summary>
public sealed class RequestBodyFramingTests
{
    private const string AnyObject = """{"id":1,"name":"x","title":"x","key":"k","type":"text","stage_id":1}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Operations() =>
    [
        "Entities.Create", "Entities.Update", "Pipelines.Create", "Pipelines.Update", "Stages.Create", "Stages.Update",
        "Stages.Reorder", "Fields.Create", "Fields.Update", "Entries.Create", "Entries.Update", "Entries.UpdateInEntity",
        "Entries.MoveToStage", "Entries.MoveToStageInEntity", "Raw.Post", "Raw.Put", "Raw.Patch",
    ];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Write_AnyBody_SentWithContentLengthAndNeverChunked(string operation)
    {
        var received = new ConcurrentQueue<RawExchange>();
        await using var server = RawHttpServer.Start(async exchange =>
        {
            received.Enqueue(exchange);
            await exchange.RespondAsync(200, AnyObject);
        });
        using var crm = TestOptions.Client(server.BaseAddress);

        await Send(crm, operation);

        var exchange = Assert.Single(received);
        var headers = exchange.Head.Headers;
        Assert.False(headers.ContainsKey("Transfer-Encoding"), $"{operation} was sent with Transfer-Encoding: {headers.GetValueOrDefault("Transfer-Encoding")}");
        Assert.True(headers.TryGetValue("Content-Length", out var length), $"{operation} was sent without Content-Length");
        Assert.NotEmpty(exchange.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(exchange.Body).ToString(System.Globalization.CultureInfo.InvariantCulture), length);
        Assert.Equal("application/json; charset=utf-8", headers["Content-Type"]);
        Assert.NotNull(JsonNode.Parse(exchange.Body));
    }

    private static Task Send(ElasticFunnelsCrmClient crm, string operation) => operation switch
    {
        "Entities.Create" => crm.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads", Preset = "leads" }, Ct),
        "Entities.Update" => crm.Entities.UpdateAsync(1, new EntityUpdateRequest { Name = "Leads ü" }, Ct),
        "Pipelines.Create" => crm.Pipelines.CreateAsync(1, new PipelineCreateRequest { Name = "Sales" }, Ct),
        "Pipelines.Update" => crm.Pipelines.UpdateAsync(1, new PipelineUpdateRequest { Name = "Sales" }, Ct),
        "Stages.Create" => crm.Stages.CreateAsync(1, new StageCreateRequest { Name = "Won", Position = 3 }, Ct),
        "Stages.Update" => crm.Stages.UpdateAsync(1, new StageUpdateRequest { Name = "Won" }, Ct),
        "Stages.Reorder" => crm.Stages.ReorderAsync([new StagePosition(1, 0), new StagePosition(2, 1)], Ct),
        "Fields.Create" => crm.Fields.CreateAsync(1, new FieldCreateRequest { Name = "Email", Key = "email", Type = FieldType.Email }, Ct),
        "Fields.Update" => crm.Fields.UpdateAsync(1, new FieldUpdateRequest { Name = "E-mail" }, Ct),
        "Entries.Create" => crm.Entries.CreateAsync(1, new EntryCreateRequest { Title = "Jane", PipelineId = 1, StageId = 1, Values = new FieldValues().Set("email", "jane@example.com") }, Ct),
        "Entries.Update" => crm.Entries.UpdateAsync("e1", new EntryUpdateRequest { Title = "Jane" }, Ct),
        "Entries.UpdateInEntity" => crm.Entries.UpdateAsync(1, "e1", new EntryUpdateRequest { Title = "Jane" }, Ct),
        "Entries.MoveToStage" => crm.Entries.MoveToStageAsync("e1", 2, Ct),
        "Entries.MoveToStageInEntity" => crm.Entries.MoveToStageAsync(1, "e1", 2, Ct),
        "Raw.Post" => crm.SendAsync(new CrmRawRequest(HttpMethod.Post, "entities/1/automations") { Body = new JsonObject { ["name"] = "welcome" } }, Ct),
        "Raw.Put" => crm.SendAsync(new CrmRawRequest(HttpMethod.Put, "automations/1") { Body = new JsonObject { ["name"] = "welcome" } }, Ct),
        "Raw.Patch" => crm.SendAsync(new CrmRawRequest(HttpMethod.Patch, "automations/1") { Body = new JsonObject { ["active"] = true } }, Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };
}
