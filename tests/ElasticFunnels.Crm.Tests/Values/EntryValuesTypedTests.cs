using System.Text.Json;

namespace ElasticFunnels.Crm.Tests.Values;

public sealed class EntryValuesTypedTests
{
    private static EntryValues View(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EntryValues.FromJson(document.RootElement);
    }

    /// <summary>Every Get... method by name, so each is checked for the three failure outcomes.</summary>
    public static TheoryData<string> Getters() => new(Readers.Keys);

    private static readonly Dictionary<string, (Func<EntryValues, string, object?> Get, Func<EntryValues, string, bool> TryGet, string Expected)> Readers = new()
    {
        ["String"] = ((v, k) => v.GetString(k), (v, k) => v.TryGetString(k, out _), "string"),
        ["Decimal"] = ((v, k) => v.GetDecimal(k), (v, k) => v.TryGetDecimal(k, out _), "decimal"),
        ["Double"] = ((v, k) => v.GetDouble(k), (v, k) => v.TryGetDouble(k, out _), "double"),
        ["Int64"] = ((v, k) => v.GetInt64(k), (v, k) => v.TryGetInt64(k, out _), "long"),
        ["Boolean"] = ((v, k) => v.GetBoolean(k), (v, k) => v.TryGetBoolean(k, out _), "bool"),
        ["Date"] = ((v, k) => v.GetDate(k), (v, k) => v.TryGetDate(k, out _), "DateOnly"),
        ["DateTime"] = ((v, k) => v.GetDateTime(k), (v, k) => v.TryGetDateTime(k, out _), "DateTimeOffset"),
        ["Time"] = ((v, k) => v.GetTime(k), (v, k) => v.TryGetTime(k, out _), "TimeOnly"),
        ["Strings"] = ((v, k) => v.GetStrings(k), (v, k) => v.TryGetStrings(k, out _), "list of strings"),
        ["EntryId"] = ((v, k) => v.GetEntryId(k), (v, k) => v.TryGetEntryId(k, out _), "entry id"),
        ["EntryIds"] = ((v, k) => v.GetEntryIds(k), (v, k) => v.TryGetEntryIds(k, out _), "list of entry ids"),
        ["Json"] = ((v, k) => v.GetJson(k), (v, k) => v.TryGetJson(k, out _), "JSON value"),
    };

    [Theory]
    [MemberData(nameof(Getters))]
    public void Get_MissingKey_ThrowsMissingNamingKeyAndType(string reader)
    {
        var (get, tryGet, expected) = Readers[reader];
        var values = View("""{"other": 1}""");

        var ex = Assert.Throws<CrmValueException>(() => get(values, "deal_value"));

        Assert.Equal(CrmValueErrorReason.Missing, ex.Reason);
        Assert.Equal("deal_value", ex.Key);
        Assert.Equal(expected, ex.ExpectedType);
        Assert.Equal(JsonValueKind.Undefined, ex.ActualKind);
        Assert.Null(ex.ActualSnippet);
        Assert.Equal($"The entry has no value for 'deal_value' (expected {expected}).", ex.Message);
        Assert.False(tryGet(values, "deal_value"));
        Assert.Equal(EntryValueState.Missing, values.GetState("deal_value"));
    }

    [Theory]
    [MemberData(nameof(Getters))]
    public void Get_JsonNull_ThrowsNull(string reader)
    {
        var (get, tryGet, expected) = Readers[reader];
        var values = View("""{"deal_value": null}""");

        var ex = Assert.Throws<CrmValueException>(() => get(values, "deal_value"));

        Assert.Equal(CrmValueErrorReason.Null, ex.Reason);
        Assert.Equal(JsonValueKind.Null, ex.ActualKind);
        Assert.Equal($"The entry value 'deal_value' is null (expected {expected}).", ex.Message);
        Assert.False(tryGet(values, "deal_value"));
        Assert.Equal(EntryValueState.Null, values.GetState("deal_value"));
    }

    [Theory]
    [MemberData(nameof(Getters))]
    public void Get_WrongType_ThrowsWrongTypeWithKindAndSnippet(string reader)
    {
        var (get, tryGet, expected) = Readers[reader];
        if (reader == "Json")
        {
            return; // any JSON value is a JSON value: json has no wrong type
        }

        // An object is the one kind no typed read accepts.
        var values = View("""{"deal_value": {"currency": "EUR", "amount": "a long value that will be cut short"}}""");

        var ex = Assert.Throws<CrmValueException>(() => get(values, "deal_value"));

        Assert.Equal(CrmValueErrorReason.WrongType, ex.Reason);
        Assert.Equal(JsonValueKind.Object, ex.ActualKind);
        Assert.Equal("{\"currency\": \"EUR\", \"amount\": \"a…", ex.ActualSnippet);
        Assert.Equal($"The entry value 'deal_value' cannot be read as {expected}: it is an object {ex.ActualSnippet}.", ex.Message);
        Assert.False(tryGet(values, "deal_value"));
        Assert.Equal(EntryValueState.Present, values.GetState("deal_value"));
    }

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("12.5")]
    [InlineData("-1e400")]
    [InlineData("true")]
    [InlineData("[1, null, {}]")]
    [InlineData("{}")]
    [InlineData("\"99999999999999999999\"")]
    [InlineData("99999999999999999999")]
    [InlineData("\"\"")]
    [InlineData("\"2025-13-45\"")]
    [InlineData("\"9999-12-31T23:59:59-05:00\"")]
    public void TryGet_AnyValue_NeverThrows(string json)
    {
        var values = View($$"""{"k": {{json}}}""");

        foreach (var (_, tryGet, _) in Readers.Values)
        {
            tryGet(values, "k");
            tryGet(values, null!);
        }

        Assert.Equal(EntryValueState.Missing, values.GetState(null!));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"1\"", true)]
    [InlineData("\"0\"", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"FALSE\"", false)]
    public void GetBoolean_LaravelForms_Read(string json, bool expected)
    {
        Assert.Equal(expected, View($$"""{"vip": {{json}}}""").GetBoolean("vip"));
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("2")]
    [InlineData("1.0")]
    [InlineData("\"\"")]
    [InlineData("[true]")]
    public void GetBoolean_OtherValues_WrongType(string json)
    {
        var ex = Assert.Throws<CrmValueException>(() => View($$"""{"vip": {{json}}}""").GetBoolean("vip"));
        Assert.Equal(CrmValueErrorReason.WrongType, ex.Reason);
    }

    [Theory]
    [InlineData("2025-01-01", 2025, 1, 1)]
    [InlineData("2024-12-31T23:00:00-05:00", 2024, 12, 31)]
    [InlineData("2024-12-11T10:00:00.000000Z", 2024, 12, 11)]
    [InlineData("2024-12-11 10:00:00", 2024, 12, 11)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void GetDate_DateOrTimestamp_CalendarDateAsWritten(string text, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), View($$"""{"d": "{{text}}"}""").GetDate("d"));
    }

    [Theory]
    [InlineData("\"20250101\"")]
    [InlineData("20250101")]
    [InlineData("\"01/02/2025\"")]
    public void GetDate_NumbersAndOtherFormats_WrongType(string json)
    {
        Assert.Equal(CrmValueErrorReason.WrongType, Assert.Throws<CrmValueException>(() => View($$"""{"d": {{json}}}""").GetDate("d")).Reason);
    }

    [Theory]
    [InlineData("2024-12-11T10:00:00.000000Z", "2024-12-11T10:00:00+00:00")]
    [InlineData("2024-12-11T10:00:00Z", "2024-12-11T10:00:00+00:00")]
    [InlineData("2026-04-18T13:45:21+00:00", "2026-04-18T13:45:21+00:00")]
    [InlineData("2026-04-18T15:45:21+02:00", "2026-04-18T15:45:21+02:00")]
    [InlineData("2024-12-11 10:00:00", "2024-12-11T10:00:00+00:00")]
    [InlineData("2025-01-01", "2025-01-01T00:00:00+00:00")]
    public void GetDateTime_EveryVendorForm_ReadsKeepingOffset(string text, string expected)
    {
        var value = View($$"""{"t": "{{text}}"}""").GetDateTime("t");

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, value.Offset);
    }

    [Fact]
    public void GetDateTime_UnixSecondsOutOfRange_WrongTypeNotCrash()
    {
        var values = View("""{"t": 99999999999999, "s": "-99999999999999"}""");

        Assert.False(values.TryGetDateTime("t", out _));
        Assert.False(values.TryGetDateTime("s", out _));
        Assert.Equal(CrmValueErrorReason.WrongType, Assert.Throws<CrmValueException>(() => values.GetDateTime("t")).Reason);
    }

    [Theory]
    [InlineData("12", 12L)]
    [InlineData("12.0", 12L)]
    [InlineData("\"-12\"", -12L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void GetInt64_WholeNumbers_Read(string json, long expected)
    {
        Assert.Equal(expected, View($$"""{"n": {{json}}}""").GetInt64("n"));
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("9223372036854775808")]
    [InlineData("\"twelve\"")]
    public void GetInt64_FractionsAndOverflow_WrongType(string json)
    {
        Assert.Equal(CrmValueErrorReason.WrongType, Assert.Throws<CrmValueException>(() => View($$"""{"n": {{json}}}""").GetInt64("n")).Reason);
    }

    [Fact]
    public void GetDecimal_BeyondDecimalRange_WrongTypeButDoubleReads()
    {
        var values = View("""{"n": 1e300}""");

        Assert.Equal(CrmValueErrorReason.WrongType, Assert.Throws<CrmValueException>(() => values.GetDecimal("n")).Reason);
        Assert.Equal(1e300, values.GetDouble("n"));
    }

    [Theory]
    [InlineData("09:30", 9, 30, 0)]
    [InlineData("09:30:15", 9, 30, 15)]
    [InlineData("23:59:59.5", 23, 59, 59)]
    public void GetTime_Forms_Read(string text, int h, int m, int s)
    {
        var value = View($$"""{"t": "{{text}}"}""").GetTime("t");
        Assert.Equal((h, m, s), (value.Hour, value.Minute, value.Second));
    }

    [Fact]
    public void GetStrings_SingleStringOrNullItem_WrongType()
    {
        var values = View("""{"one": "vip", "holes": ["vip", null], "empty": []}""");

        Assert.Equal(CrmValueErrorReason.WrongType, Assert.Throws<CrmValueException>(() => values.GetStrings("one")).Reason);
        Assert.Equal(CrmValueErrorReason.WrongType, Assert.Throws<CrmValueException>(() => values.GetStrings("holes")).Reason);
        Assert.Empty(values.GetStrings("empty"));
    }

    [Fact]
    public void GetStrings_Result_IsReadOnly()
    {
        var list = View("""{"tags": ["a", "b"]}""").GetStrings("tags");

        Assert.Throws<NotSupportedException>(() => ((IList<string>)list).Add("c"));
    }

    [Fact]
    public void GetEntryId_BlankString_WrongType()
    {
        var values = View("""{"ref": "  ", "refs": ["a", ""]}""");

        Assert.False(values.TryGetEntryId("ref", out _));
        Assert.False(values.TryGetEntryIds("refs", out _));
    }

    [Fact]
    public void GetString_NumberReadsAsJsonTextButBooleanDoesNot()
    {
        var values = View("""{"zip": 8001, "price": 12.50, "flag": true}""");

        Assert.Equal("8001", values.GetString("zip"));
        Assert.Equal("12.50", values.GetString("price"));
        Assert.Equal(CrmValueErrorReason.WrongType, Assert.Throws<CrmValueException>(() => values.GetString("flag")).Reason);
    }

    [Fact]
    public void Get_ValueException_IsCrmException()
    {
        Assert.IsAssignableFrom<CrmException>(Assert.Throws<CrmValueException>(() => EntryValues.Empty.GetString("x")));
    }
}
