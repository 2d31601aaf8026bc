#!/usr/bin/env dotnet
#:project Shared/ScriptSupport.csproj

// Moves leads that nobody has touched for N days to a stage (by default "Closed Lost"), page by page.
//
//   dotnet run samples/scripts/move-stale-leads.cs                           # against the emulator's sample leads
//   dotnet run samples/scripts/move-stale-leads.cs -- --days 30 --to "Closed Lost" --entity leads [--dry-run]
//
// "Touched" is the entry's updated_at: any update, value change or stage move counts.
using System.Globalization;
using ElasticFunnels.Crm;
using ScriptSupport;

var days = int.Parse(ScriptArgs.Get(args, "--days", "14"), CultureInfo.InvariantCulture);
var target = ScriptArgs.Get(args, "--to", "Closed Lost");
var slug = ScriptArgs.Get(args, "--entity", "leads");
var dryRun = args.Contains("--dry-run");

await using var session = await ScriptCrm.ConnectAsync(async sample =>
{
    // Three leads last touched 30 days ago, two today.
    foreach (var (title, daysAgo) in new[] { ("Old Alice", 30), ("Old Bob", 30), ("Old Carol", 30), ("New Dan", 0), ("New Eve", 0) })
    {
        sample.Clock!.Offset = TimeSpan.FromDays(-daysAgo);
        await sample.Crm.Entries.CreateAsync(1, new EntryCreateRequest { Title = title, PipelineId = 1, StageId = 1 });
    }

    sample.Clock!.Offset = TimeSpan.Zero;
});
var crm = session.Crm;
var entity = await session.EntityAsync(slug);
var stage = entity.Pipelines.SelectMany(p => p.Stages).FirstOrDefault(s => string.Equals(s.Name, target, StringComparison.OrdinalIgnoreCase))
    ?? throw new ArgumentException($"No stage '{target}' in '{slug}'.");
var cutoff = (session.Clock ?? TimeProvider.System).GetUtcNow().AddDays(-days);

// Collect first, then move: moving changes updated_at while we are still paging.
var stale = new List<Entry>();
await foreach (var entry in crm.Entries.ListAutoPagingAsync(entity.Id, new EntryListOptions { PipelineId = stage.PipelineId }))
{
    if (entry.UpdatedAt < cutoff && entry.StageId != stage.Id)
    {
        stale.Add(entry);
    }
}

foreach (var entry in stale)
{
    Console.WriteLine($"{entry.Id} '{entry.Title}' last touched {entry.UpdatedAt:yyyy-MM-dd}{(dryRun ? string.Empty : $" -> {stage.Name}")}");
    if (!dryRun)
    {
        await crm.Entries.MoveToStageAsync(entity.Id, entry.Id, stage.Id);
    }
}

Console.WriteLine($"{stale.Count} leads not touched for {days} days {(dryRun ? "would be" : "were")} moved to '{stage.Name}'.");
