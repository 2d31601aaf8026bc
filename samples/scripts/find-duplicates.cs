#!/usr/bin/env dotnet
#:project Shared/ScriptSupport.csproj

// Finds leads that share an e-mail address (ignoring case and surrounding spaces) and prints each group,
// oldest first: the oldest is usually the one to keep. It changes nothing.
//
//   dotnet run samples/scripts/find-duplicates.cs                            # the emulator's sample leads
//   dotnet run samples/scripts/find-duplicates.cs -- --entity leads --field email
using ElasticFunnels.Crm;
using ScriptSupport;

var slug = ScriptArgs.Get(args, "--entity", "leads");
var field = ScriptArgs.Get(args, "--field", "email");

await using var session = await ScriptCrm.ConnectAsync(async sample =>
{
    foreach (var (title, email) in new[]
    {
        ("Jane Doe", "jane@example.com"), ("J. Doe", "Jane@Example.com"), ("Jane (web form)", "JANE@example.com"),
        ("John Smith", "john@example.com"), ("Johnny", "john@example.com"), ("Ana García", "ana@example.com"),
    })
    {
        await sample.Crm.Entries.CreateAsync(1, new EntryCreateRequest { Title = title, PipelineId = 1, StageId = 1, Values = new FieldValues().Set("email", email) });
    }
});
var entity = await session.EntityAsync(slug);

// Only ids and titles are kept per address, a page of entries at a time.
var byAddress = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
await foreach (var entry in session.Crm.Entries.ListAutoPagingAsync(entity.Id))
{
    if (entry.Values.TryGetString(field, out var address) && address.Trim().ToLowerInvariant() is { Length: > 0 } key)
    {
        (byAddress.TryGetValue(key, out var group) ? group : byAddress[key] = []).Add(entry);
    }
}

var duplicates = byAddress.Where(g => g.Value.Count > 1).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
foreach (var (address, entries) in duplicates)
{
    Console.WriteLine($"{address}: {entries.Count} leads");
    foreach (var entry in entries.OrderBy(e => e.CreatedAt))
    {
        Console.WriteLine($"  {entry.Id}  {entry.CreatedAt:yyyy-MM-dd HH:mm}  {entry.Title}");
    }
}

Console.WriteLine($"{duplicates.Count} {field} values shared by more than one lead, {duplicates.Sum(d => d.Value.Count - 1)} duplicates.");
