using System.Text.Json;

namespace ElasticFunnels.Crm;

/// <summary>The vendor's error body shapes, read leniently: every property is optional.</summary>
internal sealed class ApiErrorBody
{
    public string? Message { get; init; }

    public JsonElement Error { get; init; }

    public JsonElement Code { get; init; }

    public JsonElement Errors { get; init; }
}
