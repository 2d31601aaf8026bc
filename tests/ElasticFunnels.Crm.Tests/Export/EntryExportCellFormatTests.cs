using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Export;

public sealed class EntryExportCellFormatTests
{
    private const string EntriesPath = "/api/brands/42/crm/entities/1/entries";
    private const string FieldsPath = "/api/brands/42/crm/entities/1/fields";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Fields = """
        [
          { "id": 1, "name": "Tags", "key": "tags", "type": "multi_select", "position": 1 },
          { "id": 2, "name": "Meta", "key": "meta", "type": "json", "position": 2 },
          { "id": 3, "name": "Note", "key": "note", "type": "text", "position": 3 },
          { "id": 4, "name": "Score", "key": "score", "type": "number", "position": 4 },
          { "id": 5, "name": "Rating", "key": "rating", "type": "stars", "position": 5 }
        ]
        """;

    private const string Entries = """
        {
          "data": [
            {
              "id": "es-1", "title": "=HYPERLINK(\"http://x\")",
              "values_flat": { "tags": ["a;b", " c", "d\\e", "=1"], "meta": ["x", "y"], "note": "@me", "score": -5, "rating": "3" }
            },
            {
              "id": "es-2", "title": "-5",
              "values_flat": { "tags": [], "meta": "text", "note": "'=quoted", "score": -1.25 }
            }
          ],
          "current_page": 1, "last_page": 1, "per_page": 100, "total": 2
        }
        """;

    private static CrmStub Stub() =>
        new CrmStub().Respond("GET", FieldsPath, json: Fields).Respond("GET", EntriesPath, json: Entries);

    [Fact]
    public async Task ExportCsvAsync_RoundTripAndNeutralized_ListsEscapedJsonFieldsAsJsonFormulasGuarded()
    {
        using var stub = Stub();
        using var writer = new RecordingWriter();

        await stub.Client.Entries.ExportCsvAsync(1, writer, new EntryExportOptions { CellFormat = CsvCellFormat.RoundTrip, NeutralizeFormulas = true }, Ct);

        Assert.Equal(
            "id,title,pipeline_id,stage_id,reference_type,reference_id,created_at,updated_at,tags,meta,note,score,rating\r\n"
            + "es-1,\"'=HYPERLINK(\"\"http://x\"\")\",,,,,,,a\\;b; \\ c; d\\\\e; =1,\"[\"\"x\"\",\"\"y\"\"]\",'@me,-5,\"\"\"3\"\"\"\r\n"
            + "es-2,-5,,,,,,,,\"\"\"text\"\"\",''=quoted,-1.25,\r\n",
            writer.ToString());
    }

    [Fact]
    public async Task ExportCsvAsync_RoundTripCells_ReadBackExactlyWithEntryCsvCells()
    {
        using var stub = Stub();
        using var writer = new RecordingWriter();

        await stub.Client.Entries.ExportCsvAsync(1, writer, new EntryExportOptions { CellFormat = CsvCellFormat.RoundTrip, NeutralizeFormulas = true }, Ct);

        // Cell 8 of the first row is the multi-select: unguard, then split.
        var tags = writer.ToString().Split("\r\n")[1].Split(",")[8];
        Assert.Equal(["a;b", " c", "d\\e", "=1"], EntryCsvCells.SplitList(EntryCsvCells.RestoreFormula(tags)));
    }

    [Fact]
    public async Task ExportCsvAsync_PlainWithoutGuard_UnchangedDefault()
    {
        using var stub = Stub();
        using var writer = new RecordingWriter();

        await stub.Client.Entries.ExportCsvAsync(1, writer, cancellationToken: Ct);

        var lines = writer.ToString().Split("\r\n");
        Assert.Equal("es-1,\"=HYPERLINK(\"\"http://x\"\")\",,,,,,,a;b;  c; d\\e; =1,x; y,@me,-5,3", lines[1]);
        Assert.Equal("es-2,-5,,,,,,,,text,'=quoted,-1.25,", lines[2]);
    }

    [Fact]
    public async Task ExportCsvAsync_RoundTripWithColumns_StillReadsFieldsForTheirTypes()
    {
        using var stub = Stub();
        using var writer = new RecordingWriter();

        await stub.Client.Entries.ExportCsvAsync(1, writer, new EntryExportOptions { Columns = ["meta", "tags"], CellFormat = CsvCellFormat.RoundTrip }, Ct);

        var lines = writer.ToString().Split("\r\n");
        Assert.Equal("id,title,pipeline_id,stage_id,reference_type,reference_id,created_at,updated_at,meta,tags", lines[0]);
        Assert.EndsWith(",\"[\"\"x\"\",\"\"y\"\"]\",a\\;b; \\ c; d\\\\e; =1", lines[1], StringComparison.Ordinal);
        Assert.Equal([FieldsPath, EntriesPath], stub.Requests.Select(r => r.RequestMessage!.Path));
    }
}
