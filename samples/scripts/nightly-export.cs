#!/usr/bin/env dotnet
#:project Shared/ScriptSupport.csproj

// Exports every entry of an entity to a dated JSON Lines file (exports/leads-2026-01-31.jsonl), streaming
// page by page, for a nightly job (cron, a scheduled task). The file appears only once it is complete.
//
//   dotnet run samples/scripts/nightly-export.cs                             # the emulator's sample leads
//   dotnet run samples/scripts/nightly-export.cs -- --entity leads --out /backups/crm
using ElasticFunnels.Crm;
using ScriptSupport;

var slug = ScriptArgs.Get(args, "--entity", "leads");
var folder = ScriptArgs.Get(args, "--out", "exports");

await using var session = await ScriptCrm.ConnectAsync(async sample =>
{
    var leads = Enumerable.Range(1, 25).Select(i => new EntryCreateRequest
    {
        Title = $"Lead {i}",
        PipelineId = 1,
        StageId = 1 + (i % 5),
        Values = new FieldValues().Set("email", $"lead{i}@example.com").Set("deal_value", i * 100m),
    });
    await sample.Crm.Entries.CreateManyAsync(1, leads);
});
var entity = await session.EntityAsync(slug);

Directory.CreateDirectory(folder);
var path = Path.Combine(folder, $"{entity.Slug}-{DateTime.UtcNow:yyyy-MM-dd}.jsonl");
var partial = path + ".partial";
long count;
await using (var file = File.Create(partial))
{
    count = await session.Crm.Entries.ExportJsonLinesAsync(entity.Id, file);
}

File.Move(partial, path, overwrite: true);
Console.WriteLine($"Exported {count} entries of '{entity.Slug}' to {path}.");
