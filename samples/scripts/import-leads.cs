#!/usr/bin/env dotnet
#:project Shared/ScriptSupport.csproj

// Imports leads from a CSV file (a header row, then one lead per line) with the SDK's bulk upsert:
// every row is checked against the entity's fields first, rows are upserted by reference_id, so running
// the script twice changes nothing, and each row's outcome is printed.
//
//   dotnet run samples/scripts/import-leads.cs                       # the sample leads.csv, into the emulator
//   dotnet run samples/scripts/import-leads.cs -- --file my.csv --entity leads
//
// Columns: reference_id, title, and any field key of the entity. For large or messy files (quoted line
// breaks, resuming after a crash, a results file) use `efcrm import`, which does all of that.
using ElasticFunnels.Crm;
using ScriptSupport;

var file = ScriptArgs.Get(args, "--file", Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, "leads.csv"));
var slug = ScriptArgs.Get(args, "--entity", "leads");

await using var session = await ScriptCrm.ConnectAsync();
var crm = session.Crm;
var entity = await session.EntityAsync(slug);
var schema = await crm.Schemas.GetAsync(entity.Id);
var pipeline = entity.Pipelines.FirstOrDefault(p => p.IsDefault == true) ?? entity.Pipelines[0];
var firstStage = pipeline.Stages.OrderBy(s => s.Position).First();

var lines = File.ReadAllLines(file);
var header = SplitCsvLine(lines[0]);
var requests = new List<EntryCreateRequest>();
foreach (var (line, number) in lines.Skip(1).Select((line, i) => (line, i + 2)).Where(l => l.line.Length > 0))
{
    var cells = header.Zip(SplitCsvLine(line)).ToDictionary(c => c.First, c => c.Second);
    var values = new FieldValues();
    foreach (var (key, text) in cells.Where(c => c.Key is not ("reference_id" or "title") && c.Value.Length > 0))
    {
        values.Set(key, schema.TryGetField(key, out var field) && field.Type.Shape == FieldValueShape.Number ? decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : text);
    }

    var problems = schema.ValidateCreate(values);
    if (problems.Count > 0)
    {
        Console.WriteLine($"line {number}: skipped, {string.Join(" ", problems.Select(p => p.Message))}");
        continue;
    }

    requests.Add(new EntryCreateRequest
    {
        Title = cells["title"],
        PipelineId = pipeline.Id,
        StageId = firstStage.Id,
        ReferenceType = "import",
        ReferenceId = cells["reference_id"],
        Values = values,
    });
}

var result = await crm.Entries.UpsertManyByReferenceAsync(entity.Id, requests, new BulkOptions { MaxConcurrency = 4 });
foreach (var item in result.Items)
{
    var request = requests[item.Index];
    Console.WriteLine(item.Status == BulkItemStatus.Succeeded
        ? $"{request.ReferenceId}: {(item.Value!.Created ? "created" : "updated")} {item.Value.Entry.Id}"
        : $"{request.ReferenceId}: failed, {item.Exception?.Message}");
}

Console.WriteLine($"{result.Succeeded} leads imported into '{slug}', {result.Failed} failed.");
return result.Failed == 0 ? 0 : 3;

// A CSV line's cells: commas separate them, double quotes may surround a cell and "" inside is one quote.
static List<string> SplitCsvLine(string line)
{
    var cells = new List<string>();
    var cell = new System.Text.StringBuilder();
    var quoted = false;
    for (var i = 0; i < line.Length; i++)
    {
        switch (line[i])
        {
            case '"' when quoted && i + 1 < line.Length && line[i + 1] == '"':
                cell.Append('"');
                i++;
                break;
            case '"':
                quoted = !quoted;
                break;
            case ',' when !quoted:
                cells.Add(cell.ToString());
                cell.Clear();
                break;
            default:
                cell.Append(line[i]);
                break;
        }
    }

    cells.Add(cell.ToString());
    return cells;
}
