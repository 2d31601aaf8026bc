using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Security;

/// <summary>Apps dump their options for diagnostics: whatever serializer options they use, the key stays out.</summary>
public sealed class OptionsSerializationTests
{
    private const string Canary = CrmStub.AccessKey;

    private static readonly Dictionary<string, JsonSerializerOptions> Serializers = new()
    {
        ["default"] = JsonSerializerOptions.Default,
        ["web"] = JsonSerializerOptions.Web,
        ["snake_case"] = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower },
        ["kebab, fields, never ignore, preserve"] = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.KebabCaseUpper,
            IncludeFields = true,
            IgnoreReadOnlyFields = false,
            IgnoreReadOnlyProperties = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            ReferenceHandler = ReferenceHandler.Preserve,
        },
        ["indented, relaxed escaping, numbers as strings"] = new()
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.WriteAsString,
        },
    };

    public static TheoryData<string> SerializerNames => [.. Serializers.Keys];

    [Theory]
    [MemberData(nameof(SerializerNames))]
    public void Serialize_OptionsWithACanaryKey_NeverWritesTheKey(string serializer)
    {
        var options = new ElasticFunnelsCrmOptions { AccessKey = Canary, BrandId = 4242, BaseAddress = new Uri("https://api.example.test/api/") };
        var json = Serializers[serializer];

        string[] outputs =
        [
            JsonSerializer.Serialize(options, json),
            JsonSerializer.Serialize<object>(options, json),
            JsonSerializer.Serialize(new Dictionary<string, object> { ["crm"] = options }, json),
            JsonSerializer.SerializeToNode(options, json)!.ToJsonString(),
            System.Text.Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(options, json)),
        ];

        Assert.All(outputs, output =>
        {
            Assert.Contains("4242", output, StringComparison.Ordinal); // the options were written...
            Assert.Contains("api.example.test", output, StringComparison.Ordinal);
            Assert.DoesNotContain(Canary, output, StringComparison.Ordinal); // ...without the key
            Assert.DoesNotContain("AccessKey", output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("access_key", output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ACCESS-KEY", output, StringComparison.OrdinalIgnoreCase);
        });
    }
}
