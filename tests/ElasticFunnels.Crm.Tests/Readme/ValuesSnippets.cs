using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.Tests.Readme;

#region LeadClass
public sealed class Lead
{
    public string? Email { get; set; }                  // key "email"

    [CrmField("lead_source")]
    public string? Source { get; set; }                 // key "lead_source"

    public decimal? DealValue { get; set; }             // key "deal_value"

    public string? Company { get; set; }                // key "company"
}

[JsonSerializable(typeof(Lead))]
public sealed partial class AppJsonContext : JsonSerializerContext;
#endregion

/// <summary>The README's "Custom fields" snippets, compiled and run against the emulator (Leads preset).</summary>
public sealed class ValuesSnippets : IAsyncLifetime
{
    private readonly CrmEmulator _emulator = new();
    private ElasticFunnelsCrmClient _crm = null!;
    private string _entryId = null!;

    public async ValueTask InitializeAsync()
    {
        _crm = Connect(validate: false);
        await _crm.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads", Preset = "leads" }, TestContext.Current.CancellationToken);
        var created = await _crm.Entries.CreateAsync(
            1,
            new EntryCreateRequest
            {
                Title = "Jane Doe",
                PipelineId = 1,
                StageId = 1,
                Values = new FieldValues().Set("email", "jane@example.com").Set("lead_source", "Facebook").Set("deal_value", 1200.50m),
            },
            TestContext.Current.CancellationToken);
        _entryId = created.Id;
    }

    public async ValueTask DisposeAsync()
    {
        _crm.Dispose();
        await _emulator.DisposeAsync();
    }

    private ElasticFunnelsCrmClient Connect(bool validate) => new(
        new ElasticFunnelsCrmOptions { AccessKey = _emulator.AccessKey, BrandId = _emulator.BrandId, BaseAddress = _emulator.BaseAddress, ValidateEntryValues = validate },
        _emulator.CreateHandler(),
        disposeHandler: true);

    [Fact]
    public async Task ReadValues_TypedReads()
    {
        var crm = _crm;
        var entryId = _entryId;
        var output = ConsoleCapture.Start();
        try
        {
        #region ReadValues
        var entry = await crm.Entries.GetAsync(entityId: 1, entryId);

        string email = entry.Values.GetString("email");
        decimal dealValue = entry.Values.GetDecimal("deal_value");   // exact; "1200.50" sent as a string reads too
        Console.WriteLine($"{email}: {dealValue}");

        if (entry.Values.TryGetString("lead_source", out var source))
        {
            Console.WriteLine($"Source: {source}");
        }

        // Missing, null and wrong type are told apart: GetState, or CrmValueException.Reason.
        switch (entry.Values.GetState("phone"))
        {
            case EntryValueState.Missing: Console.WriteLine("No phone"); break;
            case EntryValueState.Null: Console.WriteLine("Phone cleared"); break;
            case EntryValueState.Present: Console.WriteLine($"Phone {entry.Values.GetString("phone")}"); break;
        }
        #endregion
        }
        finally
        {
            output.Dispose();
        }

        var text = output.Text;
        Assert.Contains("jane@example.com: ", text, StringComparison.Ordinal);
        Assert.Contains("Source: Facebook", text, StringComparison.Ordinal);
        Assert.Contains("No phone", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteValues_FluentBuilder()
    {
        var crm = _crm;
        var entryId = _entryId;

        #region WriteValues
        await crm.Entries.UpdateAsync(entityId: 1, entryId, new EntryUpdateRequest
        {
            Values = new FieldValues()
                .Set("deal_value", 1500.00m)          // decimal: exact, never rounded through double
                .Set("lead_source", "Google")
                .SetNull("company"),                  // clears the field
        });
        #endregion

        var entry = await crm.Entries.GetAsync(1, entryId, TestContext.Current.CancellationToken);
        Assert.Equal(1500m, entry.Values.GetDecimal("deal_value"));
        Assert.Equal("Google", entry.Values.GetString("lead_source"));
        Assert.Equal(EntryValueState.Missing, entry.Values.GetState("company"));
    }

    [Fact]
    public async Task SchemaValidation_ListsEveryProblemAndSendsNothing()
    {
        var output = ConsoleCapture.Start();
        var before = _emulator.Requests.Count;
        var crm = _crm;
        try
        {
        #region SchemaValidation
        // Off by default. On for every call: new ElasticFunnelsCrmOptions { ValidateEntryValues = true, ... };
        // or for one request, as here:
        try
        {
            await crm.Entries.CreateAsync(entityId: 1, new EntryCreateRequest
            {
                Title = "Bad lead",
                PipelineId = 1,
                StageId = 1,
                Values = new FieldValues()
                    .Set("lead_source", "TikTok")         // not one of the select's options
                    .Set("deal_value", "a lot")           // not a number
                    .Set("favourite_color", "blue"),      // not a field of this entity
            }, new CrmRequestOptions { ValidateAgainstSchema = true });
        }
        catch (CrmSchemaValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                Console.WriteLine($"{problem.Key}: {problem.Kind}: {problem.Message}");
            }
        }

        // After changing an entity's fields, drop the cached schema (or wait for SchemaCacheDuration):
        crm.Schemas.Invalidate(entityId: 1);
        #endregion
        }
        finally
        {
            output.Dispose();
        }

        // Other tests may write to the console meanwhile: keep only this snippet's lines.
        string[] keys = ["lead_source: ", "deal_value: ", "favourite_color: "];
        var lines = output.Text.Split(Environment.NewLine).Where(l => keys.Any(k => l.StartsWith(k, StringComparison.Ordinal))).ToList();
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("lead_source: NotAnOption: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("deal_value: WrongType: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("favourite_color: UnknownField: ", lines[2], StringComparison.Ordinal);

        // Only the fields were loaded; no create reached the API.
        var sent = _emulator.Requests.Skip(before).ToList();
        Assert.Equal("GET", Assert.Single(sent).Method);
        Assert.EndsWith("/crm/entities/1/fields", sent[0].Path, StringComparison.Ordinal);
        Assert.Equal(1, _emulator.EntryCount(1));
    }

    [Fact]
    public async Task MapValues_ToAndFromClass()
    {
        var crm = _crm;
        var entryId = _entryId;

        #region MapValues
        var stored = await crm.Entries.GetAsync(entityId: 1, entryId);
        Lead lead = stored.Values.ToObject(AppJsonContext.Default.Lead);

        lead.DealValue += 100m;
        await crm.Entries.UpdateAsync(entityId: 1, entryId, new EntryUpdateRequest
        {
            Values = FieldValues.FromObject(lead, AppJsonContext.Default.Lead),
        });
        #endregion

        Assert.Equal("jane@example.com", lead.Email);
        Assert.Equal("Facebook", lead.Source);
        var updated = await crm.Entries.GetAsync(1, entryId, TestContext.Current.CancellationToken);
        Assert.Equal(1300.50m, updated.Values.GetDecimal("deal_value"));
        Assert.Equal("Facebook", updated.Values.GetString("lead_source"));
    }
}
