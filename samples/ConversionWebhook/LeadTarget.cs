using ElasticFunnels.Crm;

namespace ConversionWebhook;

/// <summary>Where leads go: the entity, its first pipeline's first stage, and the fields values must fit.</summary>
public sealed record LeadTarget(long EntityId, long PipelineId, long StageId, IReadOnlyList<CustomField> Fields)
{
    /// <summary>Fits a value to the entity's schema: unknown keys are dropped, a select takes the matching option or nothing.</summary>
    public FieldValue? Fit(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || Fields.FirstOrDefault(f => f.Key == key) is not { } field)
        {
            return null;
        }

        if (field.Type == FieldType.Select || field.Type == FieldType.MultiSelect)
        {
            var option = field.Options.FirstOrDefault(o => string.Equals(o.Value, value.Trim(), StringComparison.OrdinalIgnoreCase));
            return option is null ? null : field.Type == FieldType.MultiSelect ? new[] { option.Value } : option.Value;
        }

        return value.Trim();
    }
}
