using System.Net;
using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing.Tests;

/// <summary>A response read eagerly, so assertions can look at status, headers and JSON together.</summary>
public sealed record ApiResult(HttpStatusCode Status, string Text, JsonNode? Json, HttpResponseMessage Response)
{
    public JsonNode Body => Json ?? throw new Xunit.Sdk.XunitException($"Expected a JSON body, got: '{Text}'");

    public string? ContentType => Response.Content.Headers.ContentType?.MediaType;

    /// <summary>The messages of a 422 for one attribute; fails when the attribute has none.</summary>
    public string[] ErrorsFor(string attribute)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, Status);
        var messages = Body["errors"]?[attribute] as JsonArray;
        Assert.True(messages is { Count: > 0 }, $"No errors for '{attribute}' in {Text}");
        return [.. messages!.Select(m => m!.GetValue<string>())];
    }
}
