using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm.Benchmarks;

// What a careful developer writes by hand instead of the SDK: DTOs with the same properties and a
// source-generated context. The baseline the SDK's full pipeline is measured against.
public sealed class BaselineEntry
{
    public string Id { get; set; } = "";
    public string? Title { get; set; }
    public long? PipelineId { get; set; }
    public long? StageId { get; set; }
    public long? CrmEntityId { get; set; }
    public long? BrandId { get; set; }
    public string? ReferenceType { get; set; }
    public string? ReferenceId { get; set; }
    public long? AssignedToUserId { get; set; }
    public JsonElement Values { get; set; }
    public JsonElement ValuesFlat { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

public sealed class BaselinePage
{
    public List<BaselineEntry> Data { get; set; } = [];
    public int CurrentPage { get; set; }
    public int LastPage { get; set; }
    public int PerPage { get; set; }
    public long Total { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(BaselinePage))]
[JsonSerializable(typeof(BaselineEntry))]
public sealed partial class BaselineJsonContext : JsonSerializerContext;
