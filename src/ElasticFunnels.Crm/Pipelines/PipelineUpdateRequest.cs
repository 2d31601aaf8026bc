namespace ElasticFunnels.Crm;

/// <summary>The body of an update-pipeline request. Only the properties you set are sent.</summary>
public sealed class PipelineUpdateRequest
{
    /// <summary>The pipeline name.</summary>
    public string? Name { get; set; }
}
