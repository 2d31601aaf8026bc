namespace ElasticFunnels.Crm;

/// <summary>The body of a create-entry request.</summary>
public sealed class EntryCreateRequest
{
    /// <summary>Required. The human-readable label, e.g. the lead's name or e-mail.</summary>
    public string? Title { get; set; }

    /// <summary>
    /// The pipeline of the entry. Required (with <see cref="StageId"/>) for entities in
    /// <see cref="EntityMode.Crm"/>; leave both unset for entities in <see cref="EntityMode.Data"/>.
    /// </summary>
    public long? PipelineId { get; set; }

    /// <summary>The initial stage; it must belong to <see cref="PipelineId"/>.</summary>
    public long? StageId { get; set; }

    /// <summary>Custom field values by field key, e.g. <c>["email"] = "jane@example.com"</c>.</summary>
    public IDictionary<string, FieldValue>? Values { get; set; }

    /// <summary>The id of an outside record to link to (e.g. a conversion id).</summary>
    public string? ReferenceId { get; set; }

    /// <summary>The type of the outside record (e.g. <c>conversion</c>, <c>lead</c>, <c>order</c>).</summary>
    public string? ReferenceType { get; set; }

    /// <summary>The team member to assign the entry to.</summary>
    public long? AssignedToUserId { get; set; }

    /// <summary>The CRM team to assign the entry to.</summary>
    public long? AssignedToTeamId { get; set; }
}
