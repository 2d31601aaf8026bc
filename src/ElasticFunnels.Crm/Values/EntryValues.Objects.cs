using System.Text.Json.Serialization.Metadata;

namespace ElasticFunnels.Crm;

// Mapping to a class of the caller's: see CrmObjectMapping for how it stays free of run-time reflection.
public sealed partial class EntryValues
{
    /// <summary>
    /// Maps these values to an instance of your own class. Each property reads the key named by its
    /// <see cref="CrmFieldAttribute"/>, or else its name in snake_case (<c>DealValue</c> → <c>deal_value</c>);
    /// keys without a property are ignored, properties without a key keep their default.
    /// </summary>
    /// <remarks>
    /// Pass the <see cref="JsonTypeInfo{T}"/> of your own source-generated context, as with System.Text.Json
    /// (<c>entry.Values.ToObject(MyJsonContext.Default.Lead)</c>), so the mapping needs no reflection and
    /// works with trimming and Native AOT. Values are read with the same rules as the typed reads: numbers
    /// sent as strings, <c>1</c>/<c>0</c> booleans, dates as <c>yyyy-MM-dd</c> or timestamps, every timestamp form.
    /// </remarks>
    /// <typeparam name="T">Your class.</typeparam>
    /// <param name="typeInfo">Its metadata, e.g. <c>MyJsonContext.Default.Lead</c>.</param>
    /// <returns>The new instance.</returns>
    /// <exception cref="ArgumentException"><paramref name="typeInfo"/> does not describe an object with properties.</exception>
    /// <exception cref="CrmValueException">A value cannot be read as its property's type (or is null for a non-nullable value type); the exception names the key.</exception>
    public T ToObject<T>(JsonTypeInfo<T> typeInfo) =>
        CrmObjectMapping.Read(this, CrmObjectMapping.For(typeInfo, nameof(typeInfo)));
}
