namespace ElasticFunnels.Crm;

/// <summary>The body of a create-field request.</summary>
public sealed class FieldCreateRequest
{
    /// <summary>Required. The label, e.g. <c>Lead Source</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Required. The key used in entry values: lowercase letters, digits and underscores, e.g. <c>lead_source</c>.</summary>
    public string? Key { get; set; }

    /// <summary>Required. The field type.</summary>
    public FieldType? Type { get; set; }

    /// <summary>The allowed values; required for <see cref="FieldType.Select"/> and <see cref="FieldType.MultiSelect"/>.</summary>
    public IList<string>? Options { get; set; }

    /// <summary>Whether a value is required when an entry is created (the API's default is false).</summary>
    public bool? Required { get; set; }

    /// <summary>The display order.</summary>
    public int? Position { get; set; }
}
