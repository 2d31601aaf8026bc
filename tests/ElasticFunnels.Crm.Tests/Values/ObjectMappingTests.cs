using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ElasticFunnels.Crm.Tests.Values;

public sealed class MappedLead
{
    public string? Email { get; set; }

    [CrmField("lead_source")]
    public string? Source { get; set; }

    public decimal DealValue { get; set; }

    public decimal? Discount { get; set; }

    public int Seats { get; set; }

    public bool Vip { get; set; }

    public bool? OptedOut { get; set; }

    public DateOnly CloseDate { get; set; }

    public DateTimeOffset? LastCall { get; set; }

    public TimeOnly? CallAt { get; set; }

    public IReadOnlyList<string>? Tags { get; set; }

    public MappedAddress? Address { get; set; }

    [JsonPropertyName("companyRef")]
    public string? Company { get; set; }

    [JsonIgnore]
    public string? NotAField { get; set; }
}

public sealed class MappedAddress
{
    public string? City { get; set; }

    public string? PostCode { get; set; }

    public Dictionary<string, string>? Extra { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MappedLead))]
public sealed partial class MappingTestJsonContext : JsonSerializerContext;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MappedLead))]
public sealed partial class SkipNullsJsonContext : JsonSerializerContext;

public sealed class OddKeyed
{
    [CrmField("odd key")]
    public int Count { get; set; }
}

[JsonSerializable(typeof(OddKeyed))]
public sealed partial class OddKeyJsonContext : JsonSerializerContext;

[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<string>))]
public sealed partial class NotAnObjectJsonContext : JsonSerializerContext;

/// <summary>Entry values to and from a class, through a source-generated context (no run-time reflection).</summary>
public sealed class ObjectMappingTests
{
    // A fresh JsonTypeInfo for each use: the SDK caches the mapped metadata per JsonTypeInfo, and a test that
    // reused Default's would check the mapping built by an earlier test, not the one the code builds now.
    private static JsonTypeInfo<MappedLead> Lead => new MappingTestJsonContext(new JsonSerializerOptions(MappingTestJsonContext.Default.Options)).MappedLead;
    private static EntryValues View(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EntryValues.FromJson(document.RootElement);
    }

    private const string LeadJson = """
        {
          "email": "jane@example.com",
          "lead_source": "Facebook",
          "deal_value": "1200.50",
          "discount": null,
          "seats": 12.0,
          "vip": "1",
          "opted_out": 0,
          "close_date": "2025-01-31T08:00:00Z",
          "last_call": "2024-12-11 10:00:00",
          "call_at": "09:30",
          "tags": ["vip", "newsletter"],
          "address": { "city": "Zürich", "postCode": "8001", "extra": { "floor": "3", "door": 12 } },
          "companyRef": 12345,
          "not_a_field": "ignored",
          "unmapped_key": true
        }
        """;

    [Fact]
    public void ToObject_SourceGeneratedContext_MapsByAttributeSnakeCaseAndJsonPropertyName()
    {
        var lead = View(LeadJson).ToObject(Lead);

        Assert.Equal("jane@example.com", lead.Email);
        Assert.Equal("Facebook", lead.Source);
        Assert.Equal(1200.50m, lead.DealValue);
        Assert.Null(lead.Discount);
        Assert.Equal(12, lead.Seats);
        Assert.True(lead.Vip);
        Assert.False(lead.OptedOut);
        Assert.Equal(new DateOnly(2025, 1, 31), lead.CloseDate);
        Assert.Equal(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero), lead.LastCall);
        Assert.Equal(new TimeOnly(9, 30), lead.CallAt);
        Assert.Equal(["vip", "newsletter"], lead.Tags);

        // Nested objects keep the naming of the caller's context (camelCase here): only the top level is field keys.
        Assert.Equal("Zürich", lead.Address!.City);
        Assert.Equal("8001", lead.Address.PostCode);
        Assert.Equal(new Dictionary<string, string> { ["floor"] = "3", ["door"] = "12" }, lead.Address.Extra);
        Assert.Equal("12345", lead.Company);
        Assert.Null(lead.NotAField);
    }

    [Fact]
    public void FromObject_SourceGeneratedContext_WritesFieldKeysInApiForms()
    {
        var lead = new MappedLead
        {
            Email = "jane@example.com",
            Source = "Google",
            DealValue = 79228162514264337593543950335m,
            Seats = 3,
            Vip = true,
            CloseDate = new DateOnly(2025, 1, 1),
            LastCall = new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.FromHours(2)),
            CallAt = new TimeOnly(9, 5),
            Tags = [],
            Company = "es-doc-company-1",
            NotAField = "never sent",
        };

        var values = FieldValues.FromObject(lead, Lead);

        var expected = JsonNode.Parse("""
            {
              "email": "jane@example.com",
              "lead_source": "Google",
              "deal_value": 79228162514264337593543950335,
              "discount": null,
              "seats": 3,
              "vip": true,
              "opted_out": null,
              "close_date": "2025-01-01",
              "last_call": "2024-12-31T23:00:00Z",
              "call_at": "09:05:00",
              "tags": [],
              "address": null,
              "companyRef": "es-doc-company-1"
            }
            """);
        var actual = JsonNode.Parse(values.ToJsonString());
        Assert.True(JsonNode.DeepEquals(expected, actual), actual!.ToJsonString());
    }

    [Fact]
    public void FromObject_ContextIgnoresNulls_LeavesNullPropertiesOut()
    {
        var values = FieldValues.FromObject(new MappedLead { Email = "a@b.c" }, new SkipNullsJsonContext(new JsonSerializerOptions(SkipNullsJsonContext.Default.Options)).MappedLead);

        Assert.False(values.ContainsKey("discount"));
        Assert.False(values.ContainsKey("lead_source"));
        Assert.Equal("\"a@b.c\"", values["email"].ToJsonString());
        Assert.Equal("0", values["deal_value"].ToJsonString());
    }

    [Fact]
    public void ToObjectThenFromObject_RoundTripsTheSameValues()
    {
        var lead = View(LeadJson).ToObject(Lead);
        var again = View(FieldValues.FromObject(lead, Lead).ToJsonString())
            .ToObject(Lead);

        Assert.Equal(
            JsonSerializer.Serialize(lead, Lead),
            JsonSerializer.Serialize(again, Lead));
    }

    [Fact]
    public void ToObject_WrongType_ThrowsValueExceptionNamingKeyAndPropertyType()
    {
        var ex = Assert.Throws<CrmValueException>(() => View("""{"deal_value": "lots"}""").ToObject(Lead));

        Assert.Equal("deal_value", ex.Key);
        Assert.Equal(CrmValueErrorReason.WrongType, ex.Reason);
        Assert.Equal("Decimal", ex.ExpectedType);
        Assert.Equal("\"lots\"", ex.ActualSnippet);
        Assert.IsType<JsonException>(ex.InnerException);
    }

    [Fact]
    public void ToObject_NullForNonNullableValueType_ThrowsNullReason()
    {
        var ex = Assert.Throws<CrmValueException>(() => View("""{"vip": null}""").ToObject(Lead));

        Assert.Equal("vip", ex.Key);
        Assert.Equal(CrmValueErrorReason.Null, ex.Reason);
        Assert.Equal("Boolean", ex.ExpectedType);
    }

    [Fact]
    public void ToObject_TypeInfoOfNonObject_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => View("{}").ToObject(NotAnObjectJsonContext.Default.String));

        Assert.Equal("typeInfo", ex.ParamName);
        Assert.Throws<ArgumentNullException>(() => View("{}").ToObject<MappedLead>(null!));
    }

    [Theory]
    [InlineData("-2147483648", -2147483648)]
    [InlineData("2147483647", 2147483647)]
    [InlineData("\"12\"", 12)]
    public void ToObject_WholeNumberWithinInt32_Reads(string seats, int expected)
    {
        Assert.Equal(expected, View($$"""{"seats": {{seats}}}""").ToObject(Lead).Seats);
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("12.5")]
    public void ToObject_WholeNumberOutsideInt32_ThrowsNamingTheKey(string seats)
    {
        var ex = Assert.Throws<CrmValueException>(() => View($$"""{"seats": {{seats}}}""").ToObject(Lead));

        Assert.Equal("seats", ex.Key);
        Assert.Equal("Int32", ex.ExpectedType);
        Assert.Equal(seats, ex.ActualSnippet);
    }

    [Fact]
    public void ToObject_WrongTypeUnderAKeyWithASpace_NamesTheKey()
    {
        var ex = Assert.Throws<CrmValueException>(() => View("""{"odd key": "many"}""").ToObject(new OddKeyJsonContext(new JsonSerializerOptions()).OddKeyed));

        Assert.Equal("odd key", ex.Key);
        Assert.Equal(CrmValueErrorReason.WrongType, ex.Reason);
        Assert.Equal("Int32", ex.ExpectedType);
    }

    [Fact]
    public void ToObject_NestedObjectInAJsonField_KeepsTheContextsNames()
    {
        // Only the mapped class is renamed to field keys; the address inside a json field keeps camelCase.
        var lead = View("""{"address": {"city": "Oslo", "postCode": "0150", "post_code": "wrong"}}""").ToObject(Lead);

        Assert.Equal(("Oslo", "0150"), (lead.Address!.City, lead.Address.PostCode));
    }

    [Fact]
    public void ToObject_SameTypeInfo_ReusesMappedMetadata()
    {
        // The mapped metadata is cached per JsonTypeInfo, so mapping many entries costs one setup.
        var first = View("""{"email": "a"}""").ToObject(MappingTestJsonContext.Default.MappedLead);
        var second = View("""{"email": "b"}""").ToObject(MappingTestJsonContext.Default.MappedLead);

        Assert.Equal(("a", "b"), (first.Email, second.Email));
    }
}
