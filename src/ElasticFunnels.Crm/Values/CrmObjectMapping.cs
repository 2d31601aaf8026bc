using System.Buffers;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// Maps entry values to and from a user's class through the <see cref="JsonTypeInfo{T}"/> of the user's
/// own (source-generated) context, so nothing is reflected over at run time: a resolver modifier renames
/// the properties of that one class to field keys, and the SDK's lenient converters read values the way
/// the typed reads do.
/// </summary>
internal static class CrmObjectMapping
{
    private static readonly ConditionalWeakTable<JsonTypeInfo, JsonTypeInfo> Mapped = new();

    public static JsonTypeInfo<T> For<T>(JsonTypeInfo<T> typeInfo, string paramName)
    {
        ArgumentNullException.ThrowIfNull(typeInfo, paramName);
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            throw new ArgumentException($"{paramName} must describe a class or struct with properties, but {typeof(T).Name} is serialized as {typeInfo.Kind}.", paramName);
        }

        if (typeInfo.Options.TypeInfoResolver is null)
        {
            throw new ArgumentException($"{paramName} must come from a JsonSerializerContext (e.g. MyContext.Default.{typeof(T).Name}) or from options with a TypeInfoResolver.", paramName);
        }

        return (JsonTypeInfo<T>)Mapped.GetValue(typeInfo, static source => Create((JsonTypeInfo<T>)source));
    }

    public static T Read<T>(EntryValues values, JsonTypeInfo<T> mapped)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            values.Write(writer);
        }

        try
        {
            return JsonSerializer.Deserialize(buffer.WrittenSpan, mapped)!;
        }
        catch (JsonException ex)
        {
            var key = KeyOf(ex.Path);
            var property = mapped.Properties.FirstOrDefault(p => p.Name == key);
            var expected = property is null ? typeof(T).Name : TypeName(property.PropertyType);
            var found = key is not null && values.TryGetValue(key, out _);
            throw CrmValueException.For(key ?? "(unknown)", expected, found ? values[key!] : default, found, ex);
        }
    }

    private static JsonTypeInfo<T> Create<T>(JsonTypeInfo<T> source)
    {
        var root = typeof(T);
        var options = new JsonSerializerOptions(source.Options)
        {
            TypeInfoResolver = source.Options.TypeInfoResolver!.WithAddedModifier(info => Rename(info, root)),
            NumberHandling = source.Options.NumberHandling | JsonNumberHandling.AllowReadingFromString,
        };

        // First, so the SDK's value rules win over any converter of these framework types in the user's options.
        JsonConverter[] converters =
        [
            new TimestampJsonConverter(),
            new LenientJsonConverter<string>(
                (JsonElement e, out string value) => { var ok = ValueReader.TryString(e, out var s); value = s!; return ok; },
                (w, v) => w.WriteStringValue(v),
                "a string"),
            new LenientJsonConverter<bool>(ValueReader.TryBoolean, (w, v) => w.WriteBooleanValue(v), "a boolean"),
            new LenientJsonConverter<long>(ValueReader.TryInt64, (w, v) => w.WriteNumberValue(v), "a whole number"),
            new LenientJsonConverter<int>(TryInt32, (w, v) => w.WriteNumberValue(v), "a whole number"),
            new LenientJsonConverter<DateOnly>(ValueReader.TryDate, (w, v) => FieldValue.FromDate(v).WriteTo(w), "a date"),
            new LenientJsonConverter<TimeOnly>(ValueReader.TryTime, (w, v) => FieldValue.FromTime(v).WriteTo(w), "a time"),
        ];
        for (var i = 0; i < converters.Length; i++)
        {
            options.Converters.Insert(i, converters[i]);
        }

        options.MakeReadOnly();
        return (JsonTypeInfo<T>)options.GetTypeInfo(root);
    }

    private static bool TryInt32(JsonElement e, out int value)
    {
        var ok = ValueReader.TryInt64(e, out var n) && n is >= int.MinValue and <= int.MaxValue;
        value = ok ? (int)n : 0;
        return ok;
    }

    private static void Rename(JsonTypeInfo info, Type root)
    {
        // Only the mapped class itself: objects nested in json fields keep the names of the user's context.
        if (info.Type != root || info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            property.Name = FieldKey(property);
        }
    }

    private static string FieldKey(JsonPropertyInfo property)
    {
        var provider = property.AttributeProvider;

        // Attribute.GetCustomAttribute, not provider.GetCustomAttributes: PropertyInfo ignores inherit there, and an
        // override must keep the key of the [CrmField] on the property it overrides (the attribute is Inherited).
        if (provider is MemberInfo member && Attribute.GetCustomAttribute(member, typeof(CrmFieldAttribute), inherit: true) is CrmFieldAttribute field)
        {
            return field.Key;
        }

        if (provider?.IsDefined(typeof(JsonPropertyNameAttribute), inherit: true) == true)
        {
            return property.Name;
        }

        return JsonNamingPolicy.SnakeCaseLower.ConvertName((provider as MemberInfo)?.Name ?? property.Name);
    }

    /// <summary>The key a <see cref="JsonException.Path"/> such as <c>$.lead_source</c> or <c>$['odd key']</c> points at.</summary>
    private static string? KeyOf(string? path)
    {
        if (path is null || !path.StartsWith('$') || path.Length < 2)
        {
            return null;
        }

        if (path[1] == '.')
        {
            var end = path.IndexOfAny(['.', '['], 2);
            return end < 0 ? path[2..] : path[2..end];
        }

        if (path.StartsWith("$['", StringComparison.Ordinal))
        {
            var end = path.IndexOf("']", 3, StringComparison.Ordinal);
            return end < 0 ? null : path[3..end];
        }

        return null;
    }

    private static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? TypeName(inner) + "?" : type.Name;
}
