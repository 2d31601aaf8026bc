namespace ElasticFunnels.Crm;

/// <summary>The checks an entry create or update passes before it is sent.</summary>
internal static class EntryRequestRules
{
    public static void CheckCreate(EntryCreateRequest? request, string paramName)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        Guard.Required(request.Title, paramName, nameof(request.Title));
        Guard.OptionalId(request.PipelineId, $"{paramName}.PipelineId");
        Guard.OptionalId(request.StageId, $"{paramName}.StageId");

        // CRM-mode entities need both; data-mode entities have no pipelines, so neither is also valid.
        if (request.PipelineId.HasValue != request.StageId.HasValue)
        {
            throw new ArgumentException(
                $"{paramName}.PipelineId and {paramName}.StageId go together: set both for an entity in CRM mode (the stage must belong to the pipeline), or neither for an entity in data mode.",
                paramName);
        }

        CheckCommon(request.Values, request.ReferenceType, request.ReferenceId, request.AssignedToUserId, request.AssignedToTeamId, paramName);
    }

    public static void CheckUpdate(EntryUpdateRequest? request, string paramName)
    {
        ArgumentNullException.ThrowIfNull(request, paramName);
        Guard.NotBlankWhenSet(request.Title, paramName, nameof(request.Title));
        Guard.OptionalId(request.PipelineId, $"{paramName}.PipelineId");
        Guard.OptionalId(request.StageId, $"{paramName}.StageId");
        CheckCommon(request.Values, request.ReferenceType, request.ReferenceId, request.AssignedToUserId, request.AssignedToTeamId, paramName);
    }

    private static void CheckCommon(IDictionary<string, FieldValue>? values, string? referenceType, string? referenceId, long? userId, long? teamId, string paramName)
    {
        Guard.OptionalId(userId, $"{paramName}.AssignedToUserId");
        Guard.OptionalId(teamId, $"{paramName}.AssignedToTeamId");
        Guard.NotBlankWhenSet(referenceType, paramName, "ReferenceType");
        Guard.NotBlankWhenSet(referenceId, paramName, "ReferenceId");
        if (values is null)
        {
            return;
        }

        foreach (var key in values.Keys)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException($"{paramName}.Values contains an empty field key.", paramName);
            }
        }
    }
}
