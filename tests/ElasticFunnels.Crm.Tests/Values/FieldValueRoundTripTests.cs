using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm.Tests.Values;

/// <summary>
/// Property-based: a value of every field type goes through the real write path (an
/// <see cref="EntryCreateRequest"/> serialized as the SDK sends it), comes back in both response shapes
/// (<c>values_flat</c> and <c>values</c>), and reads as the same .NET value.
/// </summary>
public sealed class FieldValueRoundTripTests
{
    private static readonly Gen<string> Text = Gen.OneOf(
            "a", "Z", "0", " ", "é", "ß", "日本", "中文", "Ω", "😀", "👩‍💻", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f", "<script>", "&", "'", "\u2028")
        .Array[0, 24]
        .Select(string.Concat);

    private static readonly Gen<string> Id = Text.Where(s => !string.IsNullOrWhiteSpace(s));

    private static readonly Gen<decimal> Decimals = Gen.Frequency(
        (6, Gen.Decimal),
        (1, Gen.OneOf(decimal.MaxValue, decimal.MinValue, 0m, -0m, 0.0000000000000000000000000001m, -0.0000000000000000000000000001m, 1.10m, 1200.50m, -1m)));

    private static readonly Gen<double> Doubles = Gen.Frequency(
        (6, Gen.Double.Where(double.IsFinite)),
        (1, Gen.OneOf(double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon, 0.1, -0.0, 1e-300, 123456789.123456789)));

    private static readonly Gen<long> Longs = Gen.Frequency(
        (6, Gen.Long),
        (1, Gen.OneOf(long.MaxValue, long.MinValue, 0L, -1L, 9_007_199_254_740_993L)));

    private static readonly Gen<DateOnly> Dates = Gen.Frequency(
        (4, Gen.DateOnly),
        (1, Gen.OneOf(DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(2024, 12, 31), new DateOnly(2025, 1, 1), new DateOnly(2024, 2, 29), new DateOnly(1999, 12, 31), new DateOnly(2000, 1, 1))));

    private static readonly Gen<DateTimeOffset> Instants =
        Gen.Select(
                Gen.Frequency(
                    (4, Gen.DateTime),
                    (1, Gen.OneOf(new DateTime(2024, 12, 31, 23, 59, 59, 999).AddTicks(9999), new DateTime(2025, 1, 1), DateTime.MinValue.AddDays(1), DateTime.MaxValue.AddDays(-1)))),
                Gen.Int[-14 * 60, 14 * 60])
            .Select(t => (Clock: DateTime.SpecifyKind(t.Item1, DateTimeKind.Unspecified), Offset: TimeSpan.FromMinutes(t.Item2)))
            .Where(t => t.Clock - t.Offset >= DateTime.MinValue && t.Clock - t.Offset <= DateTime.MaxValue)
            .Select(t => new DateTimeOffset(t.Clock, t.Offset));

    /// <summary>Writes one value as the SDK sends it, then reads it back from each response shape.</summary>
    private static IEnumerable<EntryValues> RoundTrip(FieldValue value)
    {
        var request = new EntryCreateRequest { Title = "t", Values = new FieldValues().Set("k", value) };
        var body = JsonNode.Parse(JsonSerializer.Serialize(request, CrmJsonContext.Default.EntryCreateRequest))!;
        var flat = body["values"]!.AsObject();
        Assert.Single(flat);

        var response = new JsonObject
        {
            ["id"] = "e1",
            ["values"] = new JsonArray(new JsonObject { ["key"] = "k", ["value"] = flat["k"]?.DeepClone() }),
            ["values_flat"] = flat.DeepClone(),
        };
        var withArray = response.DeepClone().AsObject();
        withArray.Remove("values_flat");
        var withFlat = response.DeepClone().AsObject();
        withFlat.Remove("values");

        foreach (var shape in new[] { response, withArray, withFlat })
        {
            var entry = JsonSerializer.Deserialize(shape.ToJsonString(), CrmJsonContext.Default.EnvelopeEntry)!.Value!;
            yield return entry.Values;
        }
    }

    [Fact]
    public void Text_RoundTrips() => Text.Sample(s =>
    {
        foreach (var values in RoundTrip(s))
        {
            Assert.Equal(s, values.GetString("k"));
        }
    });

    [Fact]
    public void Decimal_RoundTripsExactlyWithScale() => Decimals.Sample(d =>
    {
        foreach (var values in RoundTrip(d))
        {
            var read = values.GetDecimal("k");
            Assert.Equal(d, read);
            Assert.Equal(d.ToString(CultureInfo.InvariantCulture), read.ToString(CultureInfo.InvariantCulture));
        }
    });

    [Fact]
    public void Double_RoundTripsBitForBit() => Doubles.Sample(x =>
    {
        foreach (var values in RoundTrip(x))
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits(values.GetDouble("k")));
        }
    });

    [Fact]
    public void Int64_RoundTripsAsLongAndDecimal() => Longs.Sample(n =>
    {
        foreach (var values in RoundTrip(n))
        {
            Assert.Equal(n, values.GetInt64("k"));
            Assert.Equal(n, values.GetDecimal("k"));
            Assert.Equal(n.ToString(CultureInfo.InvariantCulture), values.GetEntryId("k"));
        }
    });

    [Fact]
    public void Boolean_RoundTrips() => Gen.Bool.Sample(b =>
    {
        foreach (var values in RoundTrip(b))
        {
            Assert.Equal(b, values.GetBoolean("k"));
        }
    });

    [Fact]
    public void Date_RoundTripsAsYyyyMmDd() => Dates.Sample(d =>
    {
        Assert.Equal($"\"{d:yyyy-MM-dd}\"", FieldValue.FromDate(d).ToJsonString());
        foreach (var values in RoundTrip(d))
        {
            Assert.Equal(d, values.GetDate("k"));
        }
    });

    [Fact]
    public void DateTime_AnyOffset_RoundTripsSameInstantWrittenInUtc() => Instants.Sample(t =>
    {
        Assert.EndsWith("Z\"", FieldValue.FromDateTime(t).ToJsonString(), StringComparison.Ordinal);
        foreach (var values in RoundTrip(t))
        {
            var read = values.GetDateTime("k");
            Assert.Equal(t.UtcTicks, read.UtcTicks);
            Assert.Equal(TimeSpan.Zero, read.Offset);
            Assert.Equal(DateOnly.FromDateTime(t.UtcDateTime), values.GetDate("k"));
        }
    });

    [Fact]
    public void Time_RoundTrips() => Gen.TimeOnly.Sample(t =>
    {
        foreach (var values in RoundTrip(t))
        {
            Assert.Equal(t, values.GetTime("k"));
        }
    });

    [Fact]
    public void MultiSelectAndMultiReference_IncludingEmptyLists_RoundTrip() => Id.Array[0, 6].Sample(list =>
    {
        foreach (var values in RoundTrip(list))
        {
            Assert.Equal(list, values.GetStrings("k"));
            Assert.Equal(list, values.GetEntryIds("k"));
        }
    });

    [Fact]
    public void SelectAndReference_RoundTrip() => Id.Sample(s =>
    {
        foreach (var values in RoundTrip(s))
        {
            Assert.Equal(s, values.GetString("k"));
            Assert.Equal(s, values.GetEntryId("k"));
        }
    });

    [Fact]
    public void Json_RoundTripsDeepEqual() => Gen.Select(Text, Longs, Gen.Bool, Text.Array[0, 4]).Sample(t =>
    {
        var node = new JsonObject
        {
            ["name"] = t.Item1,
            ["count"] = t.Item2,
            ["flag"] = t.Item3,
            ["items"] = new JsonArray([.. t.Item4.Select(i => (JsonNode?)JsonValue.Create(i))]),
            ["nested"] = new JsonObject { ["empty"] = new JsonArray(), ["nothing"] = null },
        };
        using var document = JsonDocument.Parse(node.ToJsonString());
        foreach (var values in RoundTrip(document.RootElement))
        {
            Assert.True(JsonNode.DeepEquals(node, JsonNode.Parse(values.GetJson("k").GetRawText())));
        }
    });

    [Fact]
    public void Null_ClearsAndReadsAsNull()
    {
        foreach (var value in new[] { FieldValue.Null, (string?)null, (string[]?)null, FieldValue.FromJson(default) })
        {
            foreach (var values in RoundTrip(value))
            {
                Assert.Equal(EntryValueState.Null, values.GetState("k"));
            }
        }
    }

    [Fact]
    public void Write_IsCultureInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-CH");
            Assert.Equal("1200.50", FieldValue.FromDecimal(1200.50m).ToJsonString());
            Assert.Equal("0.1", FieldValue.FromDouble(0.1).ToJsonString());
            Assert.Equal("\"2025-01-31\"", FieldValue.FromDate(new DateOnly(2025, 1, 31)).ToJsonString());
            Assert.Equal("\"09:05:00\"", FieldValue.FromTime(new TimeOnly(9, 5)).ToJsonString());
            Assert.Equal("\"2024-12-11T09:00:00Z\"", FieldValue.FromDateTime(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.FromHours(1))).ToJsonString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
