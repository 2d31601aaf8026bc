namespace ElasticFunnels.Crm;

/// <summary>
/// Names the custom field key a property maps to when entry values are mapped to and from your own class
/// (<see cref="EntryValues.ToObject{T}(System.Text.Json.Serialization.Metadata.JsonTypeInfo{T})"/>,
/// <see cref="FieldValues.FromObject{T}(T, System.Text.Json.Serialization.Metadata.JsonTypeInfo{T})"/>).
/// </summary>
/// <remarks>
/// Without it, the key is the property's name in snake_case (<c>LeadSource</c> → <c>lead_source</c>),
/// unless the property has a <see cref="System.Text.Json.Serialization.JsonPropertyNameAttribute"/>, whose name is kept.
/// </remarks>
/// <param name="key">The field key, e.g. <c>lead_source</c>.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class CrmFieldAttribute(string key) : Attribute
{
    /// <summary>The field key, e.g. <c>lead_source</c>.</summary>
    public string Key { get; } = string.IsNullOrWhiteSpace(key)
        ? throw new ArgumentException("A CrmField key must not be null, empty or whitespace.", nameof(key))
        : key;
}
