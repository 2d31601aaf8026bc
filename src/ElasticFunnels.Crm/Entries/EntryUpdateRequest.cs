namespace ElasticFunnels.Crm;

/// <summary>
/// The body of an update-entry request. Only the properties you set are sent, and only the value
/// keys you set change (a key set to <see cref="FieldValue.Null"/> is cleared).
/// </summary>
public sealed class EntryUpdateRequest
{
    /// <summary>The human-readable label.</summary>
    public string? Title { get; set; }

    /// <summary>The pipeline of the entry.</summary>
    public long? PipelineId { get; set; }

    /// <summary>The stage of the entry; to move within the pipeline, <see cref="IEntriesClient.MoveToStageAsync(string, long, CancellationToken)"/> says so more plainly.</summary>
    public long? StageId { get; set; }

    /// <summary>Custom field values to change, by field key.</summary>
    public IDictionary<string, FieldValue>? Values { get; set; }

    /// <summary>The id of an outside record to link to.</summary>
    public string? ReferenceId { get; set; }

    /// <summary>The type of the outside record.</summary>
    public string? ReferenceType { get; set; }

    /// <summary>The team member to assign the entry to.</summary>
    public long? AssignedToUserId { get; set; }

    /// <summary>The CRM team to assign the entry to.</summary>
    public long? AssignedToTeamId { get; set; }
}
