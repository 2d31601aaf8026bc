using System.Text;
using System.Text.Json;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Export;

public sealed class EntryExportTests
{
    private const string EntriesPath = "/api/brands/42/crm/entities/1/entries";
    private const string FieldsPath = "/api/brands/42/crm/entities/1/fields";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Fields out of display order, and one key ("title") that clashes with a fixed column.
    private const string Fields = """
        [
          { "id": 1, "name": "Email", "key": "email", "type": "email", "position": 1 },
          { "id": 2, "name": "Tags", "key": "tags", "type": "multi_select", "position": 2 },
          { "id": 3, "name": "Score", "key": "score", "type": "number", "position": 0 },
          { "id": 4, "name": "VIP", "key": "vip", "type": "boolean", "position": 3 },
          { "id": 5, "name": "Meta", "key": "meta", "type": "json", "position": 4 },
          { "id": 6, "name": "Title", "key": "title", "type": "text", "position": 5 }
        ]
        """;

    private const string Entries = """
        {
          "data": [
            {
              "id": "es-1", "title": "Doe, \"Jane\"", "pipeline_id": 1, "stage_id": 2,
              "reference_type": "conversion", "reference_id": "conv-1",
              "created_at": "2024-12-11T10:00:00.000000Z", "updated_at": "2024-12-11T12:30:00+02:00",
              "values_flat": { "email": "jane@example.com", "tags": ["vip", "news"], "score": 12.50, "vip": true,
                               "meta": { "a": 1 }, "title": "dup", "extra": "not a field" }
            },
            {
              "id": "es-2", "title": "Line1\nLine2 ü",
              "values": [ { "key": "email", "value": null }, { "key": "tags", "value": [ { "x": 1 } ] }, { "key": "score", "value": 3 } ]
            }
          ],
          "current_page": 1, "last_page": 1, "per_page": 100, "total": 2
        }
        """;

    private static CrmStub Stub() =>
        new CrmStub().Respond("GET", FieldsPath, json: Fields).Respond("GET", EntriesPath, json: Entries);

    [Fact]
    public async Task ExportCsvAsync_FieldsAsColumns_Rfc4180QuotingAndInvariantCells()
    {
        using var stub = Stub();
        using var writer = new RecordingWriter();

        var rows = await stub.Client.Entries.ExportCsvAsync(1, writer, cancellationToken: Ct);

        Assert.Equal(2, rows);
        Assert.Equal(
            "id,title,pipeline_id,stage_id,reference_type,reference_id,created_at,updated_at,score,email,tags,vip,meta,values.title\r\n"
            + "es-1,\"Doe, \"\"Jane\"\"\",1,2,conversion,conv-1,2024-12-11T10:00:00Z,2024-12-11T10:30:00Z,12.50,jane@example.com,vip; news,true,\"{\"\"a\"\":1}\",dup\r\n"
            + "es-2,\"Line1\nLine2 ü\",,,,,,,3,,\"[{\"\"x\"\":1}]\",,,\r\n",
            writer.ToString());
        Assert.Equal([FieldsPath, EntriesPath], stub.Requests.Select(r => r.RequestMessage!.Path));
        Assert.Equal(
            new Dictionary<string, string> { ["page"] = "1", ["per_page"] = "100" },
            CrmStub.ParseQuery(new Uri(stub.Requests[1].RequestMessage!.AbsoluteUrl).Query));
    }

    [Fact]
    public async Task ExportCsvAsync_ColumnsGiven_UsesThemAndDoesNotReadFields()
    {
        using var stub = Stub();
        using var writer = new RecordingWriter();

        await stub.Client.Entries.ExportCsvAsync(1, writer, new EntryExportOptions { Columns = ["extra", "email"], Filter = new EntryListOptions { StageId = 2 } }, Ct);

        var lines = writer.ToString().Split("\r\n");
        Assert.Equal("id,title,pipeline_id,stage_id,reference_type,reference_id,created_at,updated_at,extra,email", lines[0]);
        Assert.EndsWith(",not a field,jane@example.com", lines[1], StringComparison.Ordinal);
        var request = Assert.Single(stub.Requests).RequestMessage!;
        Assert.Equal(EntriesPath, request.Path);
        Assert.Equal(
            new Dictionary<string, string> { ["page"] = "1", ["per_page"] = "100", ["stage_id"] = "2" },
            CrmStub.ParseQuery(new Uri(request.AbsoluteUrl).Query));
    }

    [Fact]
    public async Task ExportJsonLinesAsync_OneParsableObjectPerLineWithEveryValue()
    {
        using var stub = Stub();
        using var writer = new RecordingWriter();

        var count = await stub.Client.Entries.ExportJsonLinesAsync(1, writer, cancellationToken: Ct);

        var text = writer.ToString();
        Assert.Equal(2, count);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("Line2 ü", lines[1], StringComparison.Ordinal); // not \u-escaped
        using var first = JsonDocument.Parse(lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("Doe, \"Jane\"", first.RootElement.GetProperty("title").GetString());
        Assert.Equal("2024-12-11T10:30:00Z", first.RootElement.GetProperty("updated_at").GetString());
        Assert.Equal("not a field", first.RootElement.GetProperty("values").GetProperty("extra").GetString());
        Assert.Equal(12.50m, first.RootElement.GetProperty("values").GetProperty("score").GetDecimal());
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("pipeline_id").ValueKind);
        Assert.Equal(3, second.RootElement.GetProperty("values").GetProperty("score").GetInt32());
        Assert.Equal(
            first.RootElement.EnumerateObject().Select(p => p.Name),
            second.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task ExportCsvAsync_ManyPages_EveryEntryOnceAndOneFlushPerPage()
    {
        await using var crm = await EmulatorClient.CreateAsync();
        for (var i = 0; i < 23; i++)
        {
            await crm.Client.Entries.CreateAsync(crm.Leads.Id, crm.Lead($"c{i}"), Ct);
        }

        using var writer = new RecordingWriter();
        var rows = await crm.Client.Entries.ExportCsvAsync(crm.Leads.Id, writer, new EntryExportOptions { Filter = new EntryListOptions { PerPage = 5 } }, Ct);

        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(23, rows);
        Assert.Equal(24, lines.Length);
        Assert.Equal(23, lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
        Assert.Contains("email", lines[0].Split(','));
        Assert.Equal(1 + 5, writer.Flushes); // the header, then one per page
        Assert.Equal(5, crm.Count("GET", "/entries"));
    }

    [Fact]
    public async Task ExportJsonLinesAsync_ToStream_Utf8WithoutBomAndStreamLeftOpen()
    {
        using var stub = Stub();
        using var stream = new MemoryStream();

        await stub.Client.Entries.ExportJsonLinesAsync(1, stream, cancellationToken: Ct);

        Assert.True(stream.CanWrite);
        var bytes = stream.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Contains("Line2 ü", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsvAsync_ToStream_SameTextAsTheWriter()
    {
        using var stub = Stub();
        using var stream = new MemoryStream();
        using var writer = new RecordingWriter();

        await stub.Client.Entries.ExportCsvAsync(1, stream, cancellationToken: Ct);
        await stub.Client.Entries.ExportCsvAsync(1, writer, cancellationToken: Ct);

        Assert.Equal(writer.ToString(), Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void ExportCsvAsync_InvalidOptions_ThrowBeforeSending()
    {
        using var stub = Stub();
        using var writer = new RecordingWriter();

        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = stub.Client.Entries.ExportCsvAsync(1, writer, new EntryExportOptions { Filter = new EntryListOptions { PerPage = 500 } }, Ct); });
        Assert.Throws<ArgumentException>(() => { _ = stub.Client.Entries.ExportCsvAsync(1, writer, new EntryExportOptions { Columns = ["email", "email"] }, Ct); });
        Assert.Throws<ArgumentException>(() => { _ = stub.Client.Entries.ExportCsvAsync(1, new MemoryStream([], writable: false), cancellationToken: Ct); });
        Assert.Empty(stub.Requests);
    }
}
