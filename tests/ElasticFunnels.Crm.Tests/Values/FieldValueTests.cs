using System.Text.Json;

namespace ElasticFunnels.Crm.Tests.Values;

/// <summary>What a <see cref="FieldValue"/> writes, how two compare, and what it refuses.</summary>
public sealed class FieldValueTests
{
    public static TheoryData<FieldValue, string> Written() => new()
    {
        { FieldValue.Null, "null" },
        { FieldValue.FromString(null), "null" },
        { "jane@example.com", "\"jane@example.com\"" },
        { 1200.50m, "1200.50" },
        { 42, "42" },
        { 42L, "42" },
        { 0.1, "0.1" },
        { true, "true" },
        { false, "false" },
        { new DateOnly(2025, 1, 31), "\"2025-01-31\"" },
        { new DateTimeOffset(2025, 1, 31, 10, 0, 0, TimeSpan.FromHours(2)), "\"2025-01-31T08:00:00Z\"" },
        { new TimeOnly(9, 5), "\"09:05:00\"" },
        { new TimeOnly(9, 5, 7, 250), "\"09:05:07.25\"" },
        { new[] { "vip", "new" }, "[\"vip\",\"new\"]" },
        { new List<string>(), "[]" },
        { JsonDocument.Parse("""{"a":[1]}""").RootElement, """{"a":[1]}""" },
    };

    [Theory]
    [MemberData(nameof(Written))]
    public void ToJsonString_EachKind_WritesTheApiForm(FieldValue value, string json)
    {
        Assert.Equal(json, value.ToJsonString());
        Assert.Equal(json, value.ToString());
        Assert.Equal(json, JsonSerializer.Serialize(value));
    }

    [Fact]
    public void IsNull_OnlyForNullValues()
    {
        Assert.True(FieldValue.Null.IsNull);
        Assert.True(FieldValue.FromStrings(null).IsNull);
        Assert.True(FieldValue.FromJson(JsonDocument.Parse("null").RootElement).IsNull);
        Assert.True(FieldValue.FromJson(default).IsNull);
        Assert.False(FieldValue.FromString("").IsNull);
        Assert.False(FieldValue.FromInt64(0).IsNull);
    }

    [Fact]
    public void FromStrings_ContainsNull_ThrowsNamingTheRule()
    {
        var ex = Assert.Throws<ArgumentException>(() => FieldValue.FromStrings(["a", null!]));

        Assert.Equal("values", ex.ParamName);
        Assert.StartsWith("A list field value cannot contain null.", ex.Message);
    }

    [Fact]
    public void FromStrings_ListChangedAfterwards_KeepsTheCopy()
    {
        var list = new List<string> { "a" };

        var value = FieldValue.FromStrings(list);
        list.Add("b");

        Assert.Equal("[\"a\"]", value.ToJsonString());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void FromDouble_NotFinite_ThrowsWithTheValue(double value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FieldValue.FromDouble(value));

        Assert.Equal("value", ex.ParamName);
        Assert.Equal(value, ex.ActualValue);
        Assert.StartsWith("A field value must be a finite number; JSON has no NaN or infinity.", ex.Message);
    }

    [Fact]
    public void Equals_SameJsonFromDifferentTypes_AreEqual()
    {
        FieldValue fromInt = 5;
        FieldValue fromJson = JsonDocument.Parse("5").RootElement;

        Assert.True(fromInt == fromJson);
        Assert.False(fromInt != fromJson);
        Assert.True(fromInt.Equals((object)fromJson));
        Assert.Equal(fromInt.GetHashCode(), fromJson.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentJson_NotEqual()
    {
        FieldValue five = 5;
        FieldValue text = "5";

        Assert.False(five == text);
        Assert.True(five != text);
        Assert.False(five.Equals((object)text));
        Assert.False(five.Equals((object)"5"));
        Assert.False(five.Equals((object?)null));
    }

    [Fact]
    public void WriteTo_NullWriter_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => FieldValue.FromInt64(1).WriteTo(null!));
    }

    [Fact]
    public void Deserialize_Null_IsTheNullValue()
    {
        var value = JsonSerializer.Deserialize<FieldValue>("null");

        Assert.True(value.IsNull);
    }

    [Fact]
    public void FieldValues_ToString_WritesOneFlatObjectInInsertionOrder()
    {
        var values = new FieldValues().Set("b", 1).SetNull("a").Set("c", "x");

        Assert.Equal("""{"b":1,"a":null,"c":"x"}""", values.ToString());
        Assert.Equal(values.ToString(), values.ToJsonString());
    }

    [Fact]
    public void FieldValues_AsDictionary_AddRemoveAndContains()
    {
        var values = new FieldValues();
        ICollection<KeyValuePair<string, FieldValue>> collection = values;

        values.Add("a", 1);
        collection.Add(new("b", 2));

        Assert.False(collection.IsReadOnly);
        Assert.True(collection.Contains(new("b", 2)));
        Assert.False(collection.Contains(new("b", 3)));
        Assert.Throws<ArgumentException>(() => values.Add("a", 3));
        Assert.Throws<ArgumentException>(() => values.Add(" ", 3));
        var copy = new KeyValuePair<string, FieldValue>[3];
        collection.CopyTo(copy, 1);
        Assert.Equal("a", copy[1].Key);
        Assert.True(collection.Remove(new("b", 2)));
        Assert.True(values.Remove("a"));
        Assert.False(values.Remove("a"));
        Assert.Empty(values);
        values.Set("x", 1);
        values.Clear();
        Assert.Empty(values);
    }

    [Fact]
    public void FieldValues_ReadOnlyView_SameKeysAndValues()
    {
        IReadOnlyDictionary<string, FieldValue> values = new FieldValues().Set("a", 1).Set("b", "x");

        Assert.Equal(["a", "b"], values.Keys);
        Assert.Equal(["1", "\"x\""], values.Values.Select(v => v.ToJsonString()));
        Assert.True(values.TryGetValue("b", out var b));
        Assert.Equal("\"x\"", b.ToJsonString());
        Assert.False(values.TryGetValue("c", out _));
        Assert.True(values.ContainsKey("a"));
        Assert.Throws<KeyNotFoundException>(() => values["c"]);
    }
}
