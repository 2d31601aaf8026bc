namespace ElasticFunnels.Crm;

/// <summary>The body of a create-stage request.</summary>
public sealed class StageCreateRequest
{
    /// <summary>Required. The stage name, e.g. <c>Qualified</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The hex color of the stage badge.</summary>
    public string? Color { get; set; }

    /// <summary>The 0-based sort order; use <see cref="IStagesClient.ReorderAsync(IEnumerable{StagePosition}, CancellationToken)"/> to move several at once.</summary>
    public int? Position { get; set; }
}
