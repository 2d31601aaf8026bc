namespace ElasticFunnels.Crm.Testing;

/// <summary>A built-in entity preset: labels for the presets list and the schema it creates.</summary>
internal sealed record PresetDefinition(
    string Key,
    string Label,
    string Description,
    string SingularName,
    string PluralName,
    string Icon,
    string Color,
    IReadOnlyList<PresetPipeline> Pipelines,
    IReadOnlyList<PresetField> Fields);

/// <summary>A pipeline a preset creates, with its stages in order.</summary>
internal sealed record PresetPipeline(string Name, IReadOnlyList<PresetStage> Stages);

/// <summary>A stage a preset creates.</summary>
internal sealed record PresetStage(string Name, string Color);

/// <summary>A field a preset creates; <see cref="Options"/> only for select types.</summary>
internal sealed record PresetField(string Name, string Key, string Type, IReadOnlyList<string>? Options = null);
