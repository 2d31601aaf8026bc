using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ElasticFunnels.Crm.Tests.Values;

public sealed class RequiredLead
{
    public required string Email { get; set; }

    public int Seats { get; set; }
}

[JsonSerializable(typeof(RequiredLead))]
public sealed partial class RequiredLeadJsonContext : JsonSerializerContext;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class StrictLead
{
    public string? Email { get; set; }
}

[JsonSerializable(typeof(StrictLead))]
public sealed partial class StrictLeadJsonContext : JsonSerializerContext;

public sealed class BlankNamed
{
    [JsonPropertyName("")]
    public int Count { get; set; }
}

[JsonSerializable(typeof(BlankNamed))]
public sealed partial class BlankNamedJsonContext : JsonSerializerContext;

public sealed class KebabLead
{
    public decimal DealValue { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower)]
[JsonSerializable(typeof(KebabLead))]
public sealed partial class KebabLeadJsonContext : JsonSerializerContext;

/// <summary>
/// Which key and type a failed <see cref="EntryValues.ToObject{T}"/> names, for every kind of path a read can fail at,
/// and the argument checks on the metadata passed in. Each test builds a fresh context: the mapping is cached per JsonTypeInfo.
/// </summary>
public sealed class ObjectMappingErrorPathTests
{
    private static JsonTypeInfo<MappedLead> Lead => new MappingTestJsonContext(new JsonSerializerOptions(MappingTestJsonContext.Default.Options)).MappedLead;

    private static EntryValues View(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EntryValues.FromJson(document.RootElement);
    }

    [Fact]
    public void TypeInfoOfNonObject_ArgumentExceptionSaysWhatItMustDescribe()
    {
        var ex = Assert.Throws<ArgumentException>(() => View("{}").ToObject(new NotAnObjectJsonContext(new JsonSerializerOptions()).String));

        Assert.Equal("typeInfo", ex.ParamName);
        Assert.StartsWith("typeInfo must describe a class or struct with properties, but String is serialized as None.", ex.Message);
    }

    [Fact]
    public void TypeInfoOfAList_ArgumentExceptionNamesItsKind()
    {
        var ex = Assert.Throws<ArgumentException>(() => FieldValues.FromObject(["a"], new NotAnObjectJsonContext(new JsonSerializerOptions()).ListString));

        Assert.Equal("typeInfo", ex.ParamName);
        Assert.StartsWith("typeInfo must describe a class or struct with properties, but List`1 is serialized as Enumerable.", ex.Message);
    }

    [Fact]
    public void TypeInfoFromOptionsWithoutResolver_ArgumentExceptionPointsToAContext()
    {
        var bare = JsonTypeInfo.CreateJsonTypeInfo<OddKeyed>(new JsonSerializerOptions());

        var read = Assert.Throws<ArgumentException>(() => View("""{"odd key": 1}""").ToObject(bare));
        var write = Assert.Throws<ArgumentException>(() => FieldValues.FromObject(new OddKeyed(), bare));

        foreach (var ex in new[] { read, write })
        {
            Assert.Equal("typeInfo", ex.ParamName);
            Assert.StartsWith("typeInfo must come from a JsonSerializerContext (e.g. MyContext.Default.OddKeyed) or from options with a TypeInfoResolver.", ex.Message);
        }
    }

    [Fact]
    public void MappedMetadata_CachedAndShared_HasFrozenOptions()
    {
        var mapped = CrmObjectMapping.For(Lead, "typeInfo");

        Assert.True(mapped.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => mapped.Options.Converters.Add(new JsonStringEnumConverter()));
    }

    [Fact]
    public void FromObject_NullInstance_ThrowsArgumentNullNamingValue()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => FieldValues.FromObject<MappedLead>(null!, Lead));

        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void RequiredPropertyWithoutAValue_ThrowsMissingForAnUnknownKeyNamingTheClass()
    {
        var ex = Assert.Throws<CrmValueException>(() => View("""{"seats": 2}""").ToObject(new RequiredLeadJsonContext(new JsonSerializerOptions()).RequiredLead));

        Assert.Equal("(unknown)", ex.Key);
        Assert.Equal("RequiredLead", ex.ExpectedType);
        Assert.Equal(CrmValueErrorReason.Missing, ex.Reason);
        Assert.Equal(JsonValueKind.Undefined, ex.ActualKind);
        Assert.Equal("The entry has no value for '(unknown)' (expected RequiredLead).", ex.Message);
        Assert.IsType<JsonException>(ex.InnerException);
    }

    [Fact]
    public void KeyWithoutAPropertyInAStrictContext_NamesTheKeyTheClassAndTheValue()
    {
        var ex = Assert.Throws<CrmValueException>(() => View("""{"email": "a@b.c", "score": 7}""").ToObject(new StrictLeadJsonContext(new JsonSerializerOptions()).StrictLead));

        Assert.Equal("score", ex.Key);
        Assert.Equal("StrictLead", ex.ExpectedType);
        Assert.Equal(CrmValueErrorReason.WrongType, ex.Reason);
        Assert.Equal(JsonValueKind.Number, ex.ActualKind);
        Assert.Equal("7", ex.ActualSnippet);
    }

    [Fact]
    public void WrongTypeDeepInsideAJsonField_NamesTheTopLevelKeyAndItsType()
    {
        var ex = Assert.Throws<CrmValueException>(() => View("""{"address": {"city": "Oslo", "extra": {"floor": true}}}""").ToObject(Lead));

        Assert.Equal("address", ex.Key);
        Assert.Equal("MappedAddress", ex.ExpectedType);
        Assert.Equal(CrmValueErrorReason.WrongType, ex.Reason);
        Assert.Equal(JsonValueKind.Object, ex.ActualKind);
        Assert.StartsWith("{\"city\":", ex.ActualSnippet, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongTypeInsideAList_NamesTheListKey()
    {
        var ex = Assert.Throws<CrmValueException>(() => View("""{"tags": ["vip", false]}""").ToObject(Lead));

        Assert.Equal("tags", ex.Key);
        Assert.Equal("IReadOnlyList`1", ex.ExpectedType);
        Assert.Equal("[\"vip\", false]", ex.ActualSnippet);
    }

    [Fact]
    public void WrongTypeForANullableProperty_ExpectedTypeEndsWithAQuestionMark()
    {
        var ex = Assert.Throws<CrmValueException>(() => View("""{"discount": "some"}""").ToObject(Lead));

        Assert.Equal("discount", ex.Key);
        Assert.Equal("Decimal?", ex.ExpectedType);
        Assert.Equal("The entry value 'discount' cannot be read as Decimal?: it is a string \"some\".", ex.Message);
    }

    [Fact]
    public void WrongTypeUnderAnEmptyKey_NamesTheEmptyKey()
    {
        var ex = Assert.Throws<CrmValueException>(() => View("""{"": "many"}""").ToObject(new BlankNamedJsonContext(new JsonSerializerOptions()).BlankNamed));

        Assert.Equal(string.Empty, ex.Key);
        Assert.Equal(CrmValueErrorReason.WrongType, ex.Reason);
        Assert.Equal("Int32", ex.ExpectedType);
        Assert.Equal("\"many\"", ex.ActualSnippet);
    }

    [Theory]
    [InlineData("""{"email": 5, "lead_source": true}""", "lead_source", "Expected a string but found a boolean true.")]
    [InlineData("""{"vip": "maybe"}""", "vip", "Expected a boolean but found a string \"maybe\".")]
    [InlineData("""{"seats": [1]}""", "seats", "Expected a whole number but found an array [1].")]
    [InlineData("""{"close_date": 20250131}""", "close_date", "Expected a date but found a number 20250131.")]
    [InlineData("""{"call_at": {"h": 9}}""", "call_at", "Expected a time but found an object {\"h\":9}.")]
    public void WrongType_CauseSaysWhatWasExpectedAndWhatWasFound(string json, string key, string cause)
    {
        var ex = Assert.Throws<CrmValueException>(() => View(json).ToObject(Lead));

        Assert.Equal(key, ex.Key);
        Assert.Equal(cause, Assert.IsType<JsonException>(ex.InnerException).Message);
    }

    [Fact]
    public void NullForANonNullableBoolean_CauseSaysNullWasFound()
    {
        var ex = Assert.Throws<CrmValueException>(() => View("""{"vip": null}""").ToObject(Lead));

        Assert.Equal("null", ex.ActualSnippet);
        Assert.Equal("Expected a boolean but found null.", Assert.IsType<JsonException>(ex.InnerException).Message);
    }

    [Fact]
    public void WholeNumberTooBigForInt64_CauseSaysAWholeNumberWasExpected()
    {
        var ex = Assert.Throws<CrmValueException>(() => View("""{"n": 9223372036854775808}""").ToObject(new LongJsonContext(new JsonSerializerOptions()).LongHolder));

        Assert.Equal("n", ex.Key);
        Assert.Equal("Int64", ex.ExpectedType);
        Assert.Equal("Expected a whole number but found a number 9223372036854775808.", ex.InnerException!.Message);
    }

    [Fact]
    public void ContextWithAnotherNamingPolicy_KeysAreStillThePropertyNameInSnakeCase()
    {
        var info = new KebabLeadJsonContext(new JsonSerializerOptions(KebabLeadJsonContext.Default.Options)).KebabLead;

        Assert.Equal(12.5m, View("""{"deal_value": 12.5, "deal-value": 99}""").ToObject(info).DealValue);
        Assert.Equal("""{"deal_value":3}""", FieldValues.FromObject(new KebabLead { DealValue = 3 }, info).ToJsonString());
    }
}

public sealed class LongHolder
{
    [CrmField("n")]
    public long Number { get; set; }
}

[JsonSerializable(typeof(LongHolder))]
public sealed partial class LongJsonContext : JsonSerializerContext;
