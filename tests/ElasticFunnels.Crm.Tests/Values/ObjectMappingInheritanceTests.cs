using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ElasticFunnels.Crm.Tests.Values;

public class BaseLead
{
    [CrmField("lead_source")]
    public virtual string? Source { get; set; }

    [CrmField("deal_value")]
    public decimal Amount { get; set; }
}

public sealed class OverridingLead : BaseLead
{
    public override string? Source { get; set; }
}

public sealed class RekeyedLead : BaseLead
{
    [CrmField("origin")]
    public override string? Source { get; set; }
}

[JsonSerializable(typeof(OverridingLead))]
[JsonSerializable(typeof(RekeyedLead))]
public sealed partial class InheritanceJsonContext : JsonSerializerContext;

/// <summary>[CrmField] is Inherited: an override without its own attribute keeps the key of the property it overrides.</summary>
public sealed class ObjectMappingInheritanceTests
{
    private static InheritanceJsonContext Context => new(new JsonSerializerOptions());

    private static EntryValues View(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EntryValues.FromJson(document.RootElement);
    }

    [Fact]
    public void OverrideWithoutAttribute_ReadsAndWritesTheBaseKey()
    {
        JsonTypeInfo<OverridingLead> info = Context.OverridingLead;

        var lead = View("""{"lead_source": "Facebook", "source": "wrong", "deal_value": 5}""").ToObject(info);
        var written = FieldValues.FromObject(new OverridingLead { Source = "Google", Amount = 7 }, Context.OverridingLead);

        Assert.Equal(("Facebook", 5m), (lead.Source, lead.Amount));
        Assert.Equal("""{"lead_source":"Google","deal_value":7}""", written.ToJsonString());
    }

    [Fact]
    public void OverrideWithItsOwnAttribute_UsesItsOwnKey()
    {
        var lead = View("""{"lead_source": "wrong", "origin": "Referral"}""").ToObject(Context.RekeyedLead);

        Assert.Equal("Referral", lead.Source);
        Assert.Equal("""{"origin":"Referral","deal_value":0}""", FieldValues.FromObject(lead, Context.RekeyedLead).ToJsonString());
    }
}
