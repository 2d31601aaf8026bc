namespace ElasticFunnels.Crm;

/// <summary>The body of an update-field request. Only the properties you set are sent.</summary>
public sealed class FieldUpdateRequest
{
    /// <summary>The label.</summary>
    public string? Name { get; set; }

    /// <summary>The key used in entry values: lowercase letters, digits and underscores.</summary>
    public string? Key { get; set; }

    /// <summary>The field type.</summary>
    public FieldType? Type { get; set; }

    /// <summary>The allowed values of a select or multi-select field.</summary>
    public IList<string>? Options { get; set; }

    /// <summary>Whether a value is required when an entry is created.</summary>
    public bool? Required { get; set; }

    /// <summary>The display order.</summary>
    public int? Position { get; set; }
}
