namespace ElasticFunnels.Crm.Testing;

/// <summary>Route-model binding: resolves route parameters to records, or null for a 404.</summary>
internal static class Find
{
    public static EntityRecord? Entity(RouteContext context) =>
        context.State.Entities.GetValueOrDefault(context.Id("entity"));

    public static PipelineRecord? Pipeline(RouteContext context) =>
        context.State.Pipelines.GetValueOrDefault(context.Id("pipeline"));

    public static StageRecord? Stage(RouteContext context) =>
        context.State.Stages.GetValueOrDefault(context.Id("stage"));

    public static FieldRecord? Field(RouteContext context) =>
        context.State.Fields.GetValueOrDefault(context.Id("field"));

    /// <summary>
    /// Resolves <c>{entry}</c>; in the nested form the entity must exist and own the entry,
    /// otherwise the entry is "not found" there, as a scoped binding would answer.
    /// </summary>
    public static EntryRecord? Entry(RouteContext context)
    {
        if (!context.State.Entries.TryGetValue(context.Value("entry"), out var entry))
        {
            return null;
        }

        if (context.RouteValues.ContainsKey("entity") && entry.EntityId != context.Id("entity"))
        {
            return null;
        }

        return entry;
    }
}
