namespace ElasticFunnels.Crm;

/// <summary>The body of a create-pipeline request.</summary>
public sealed class PipelineCreateRequest
{
    /// <summary>Required. The pipeline name, e.g. <c>Sales Pipeline</c>.</summary>
    public string? Name { get; set; }
}
