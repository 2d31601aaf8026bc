using System.Text;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>
/// docs/presets.md lists what each preset creates; these tests create an entity from every preset the
/// emulator lists and require the page's tables to say exactly that.
/// </summary>
public sealed class PresetsDocTests
{
    private static string Page() => File.ReadAllText(Path.Combine(ReadmeSnippets.RepositoryRoot, "docs", "presets.md")).ReplaceLineEndings("\n");

    [Fact]
    public async Task PresetsPage_EveryPreset_TablesMatchWhatTheEmulatorCreates()
    {
        await using var emulated = await EmulatorClient.CreateAsync(withLeads: false);
        var crm = emulated.Client;
        var ct = TestContext.Current.CancellationToken;
        var page = Page();
        var presets = await crm.Presets.ListAsync(ct);

        Assert.Equal(["leads", "contacts", "deals"], presets.Select(p => p.Key));
        foreach (var preset in presets)
        {
            var created = await crm.Entities.CreateAsync(new EntityCreateRequest { Name = preset.Label, Slug = preset.Key, Preset = preset.Key }, ct);
            var entity = await crm.Entities.GetAsync(created.Id, ct);
            var section = Section(page, preset.Key);

            Assert.Contains($"| `{preset.Key}` | {preset.Label} | {preset.Description} | {entity.SingularName} | {entity.PluralName} | `{entity.Icon}` | `{entity.Color}` |\n", page, StringComparison.Ordinal);
            Assert.Contains(Pipelines(entity), section, StringComparison.Ordinal);
            Assert.Contains(Fields(preset.Key, entity), section, StringComparison.Ordinal);
            Assert.All(entity.Fields, f => Assert.False(f.Required));
        }
    }

    [Fact]
    public async Task PresetCreate_Deals_PrintsTheFields()
    {
        await using var emulated = await EmulatorClient.CreateAsync(withLeads: false);
        var crm = emulated.Client;
        var output = ConsoleCapture.Start();
        try
        {
        #region PresetCreate
        foreach (var preset in await crm.Presets.ListAsync())
        {
            Console.WriteLine($"{preset.Key}: {preset.Label} ({preset.Description})");
        }

        var deals = await crm.Entities.CreateAsync(new EntityCreateRequest { Name = "Deals", Slug = "deals", Preset = "deals" });

        // The created entity with its pipelines, their stages and its fields:
        var dealsSchema = await crm.Entities.GetAsync(deals.Id);
        foreach (var field in dealsSchema.Fields)
        {
            Console.WriteLine($"{field.Key} ({field.Type}): {string.Join(", ", field.Options.Select(o => o.Value))}");
        }
        #endregion
        }
        finally
        {
            output.Dispose();
        }

        Assert.Contains("deals: Deals (Deal tracking with revenue stages)", output.Text, StringComparison.Ordinal);
        Assert.Contains("priority (select): Low, Medium, High", output.Text, StringComparison.Ordinal);
    }

    private static string Section(string page, string key)
    {
        var start = page.IndexOf($"\n## {key}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/presets.md has no section '## {key}'.");
        var end = page.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    private static string Pipelines(CrmEntity entity)
    {
        var text = new StringBuilder();
        foreach (var pipeline in entity.Pipelines)
        {
            text.Append($"Pipeline \"{pipeline.Name}\":\n\n| Position | Stage | Color |\n|---|---|---|\n");
            foreach (var stage in pipeline.Stages)
            {
                text.Append($"| {stage.Position} | {stage.Name} | `{stage.Color}` |\n");
            }
        }

        return text.ToString();
    }

    private static string Fields(string key, CrmEntity entity)
    {
        var text = new StringBuilder($"Fields of `{key}`:\n\n| Position | Key | Name | Type | Options |\n|---|---|---|---|---|\n");
        foreach (var field in entity.Fields)
        {
            var options = string.Join(", ", field.Options.Select(o => o.Value));
            text.Append($"| {field.Position} | `{field.Key}` | {field.Name} | `{field.Type}` |{(options.Length == 0 ? "" : " " + options)} |\n");
        }

        return text.ToString();
    }
}
