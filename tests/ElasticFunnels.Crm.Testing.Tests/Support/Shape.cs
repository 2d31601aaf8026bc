using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing.Tests;

/// <summary>
/// Compares a response with a documented example: every documented property must be present with the
/// same JSON kind (a documented null matches anything), recursively; arrays compare their first items.
/// </summary>
public static class Shape
{
    public static void AssertMatches(string documentedJson, JsonNode? actual) =>
        Check(JsonNode.Parse(documentedJson), actual, "$");

    private static void Check(JsonNode? documented, JsonNode? actual, string path)
    {
        if (documented is null)
        {
            return;
        }

        Assert.True(actual is not null, $"{path}: documented {documented.GetValueKind()}, got null");
        var expectedKind = Normalise(documented.GetValueKind());
        var actualKind = Normalise(actual!.GetValueKind());
        Assert.True(expectedKind == actualKind, $"{path}: documented {expectedKind}, got {actualKind} ({actual.ToJsonString()})");

        switch (documented)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Assert.True(actual.AsObject().ContainsKey(key), $"{path}: missing property '{key}' in {actual.ToJsonString()}");
                    Check(value, actual[key], $"{path}.{key}");
                }

                break;
            case JsonArray array when array.Count > 0 && actual.AsArray().Count > 0:
                Check(array[0], actual[0], $"{path}[0]");
                break;
        }
    }

    private static JsonValueKind Normalise(JsonValueKind kind) => kind == JsonValueKind.False ? JsonValueKind.True : kind;
}
