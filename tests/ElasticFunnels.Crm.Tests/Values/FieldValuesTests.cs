using System.Text.Json;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm.Tests.Values;

public sealed class FieldValuesTests
{
    [Fact]
    public void Set_Chained_WritesFlatObjectInApiForms()
    {
        var values = new FieldValues()
            .Set("email", "jane@example.com")
            .Set("deal_value", 1200.50m)
            .Set("seats", 3)
            .Set("ratio", 0.25)
            .Set("vip", true)
            .Set("close_date", new DateOnly(2025, 1, 31))
            .Set("last_call", new DateTimeOffset(2025, 1, 1, 0, 30, 0, TimeSpan.FromHours(1)))
            .Set("call_at", new TimeOnly(14, 0))
            .Set("tags", new[] { "vip", "newsletter" })
            .Set("empty", Array.Empty<string>())
            .SetNull("phone");

        Assert.Equal(
            """{"email":"jane@example.com","deal_value":1200.50,"seats":3,"ratio":0.25,"vip":true,"close_date":"2025-01-31","last_call":"2024-12-31T23:30:00Z","call_at":"14:00:00","tags":["vip","newsletter"],"empty":[],"phone":null}""",
            values.ToJsonString());
    }

    [Fact]
    public void Values_AssignedToRequest_SerializedAsFlatObject()
    {
        var request = new EntryCreateRequest
        {
            Title = "t",
            Values = new FieldValues { ["email"] = "a@b.c", ["phone"] = FieldValue.Null },
        };
        var update = new EntryUpdateRequest { Values = new FieldValues().Set("seats", 1) };

        Assert.Equal("""{"title":"t","values":{"email":"a@b.c","phone":null}}""", JsonSerializer.Serialize(request, CrmJsonContext.Default.EntryCreateRequest));
        Assert.Equal("""{"values":{"seats":1}}""", JsonSerializer.Serialize(update, CrmJsonContext.Default.EntryUpdateRequest));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void Set_BlankKey_Throws(string? key)
    {
        var values = new FieldValues();

        Assert.ThrowsAny<ArgumentException>(() => values.Set(key!, "x"));
        Assert.ThrowsAny<ArgumentException>(() => values.Add(key!, "x"));
        Assert.Empty(values);
    }

    [Fact]
    public void Dictionary_KeysAreOrdinalAndSetReplaces()
    {
        var values = new FieldValues { { "Email", "A" } }.Set("email", "b").Set("email", "c");

        Assert.Equal(2, values.Count);
        Assert.Equal("\"A\"", values["Email"].ToJsonString());
        Assert.Equal("\"c\"", values["email"].ToJsonString());
        Assert.True(values.Remove("Email"));
        Assert.Throws<ArgumentException>(() => values.Add("email", "dup"));
    }

    [Fact]
    public void FieldValue_DoubleNotFinite_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FieldValue.FromDouble(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FieldValues().Set("x", double.PositiveInfinity));
    }

    [Fact]
    public void FieldValue_TimeWithFraction_KeepsFraction()
    {
        Assert.Equal("\"09:05:00.25\"", FieldValue.FromTime(new TimeOnly(9, 5, 0, 250)).ToJsonString());
    }
}
