using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// How the call runner reads a success body (already buffered) into the value a method returns:
/// straight from the pooled bytes with a source-generated <see cref="JsonTypeInfo{T}"/>, no copy.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
internal abstract class ResponseBody<T>
{
    /// <summary>What the SDK expected, for the message when the body carried nothing.</summary>
    public abstract string Expected { get; }

    /// <summary>Reads the value; false when the body carried none (empty, or JSON <c>null</c>).</summary>
    /// <exception cref="JsonException">The body is not JSON of the expected shape.</exception>
    public abstract bool TryRead(ReadOnlySpan<byte> json, out T value);

    protected static bool IsBlank(ReadOnlySpan<byte> json) => json.Trim(" \t\r\n"u8).IsEmpty;
}

/// <summary>The readers the resource clients use.</summary>
internal static class ResponseBody
{
    /// <summary>Nothing to read: a DELETE or reorder may answer 204, or 200 with any body.</summary>
    public static readonly ResponseBody<bool> None = new NoBody();

    /// <summary>Any JSON, for calls the SDK does not type; an empty body is an undefined element.</summary>
    public static readonly ResponseBody<JsonElement> Json = new JsonBody();

    /// <summary>One object, bare or wrapped (<c>{"entity": {...}}</c>, <c>{"data": {...}}</c>).</summary>
    public static ResponseBody<T> Object<T>()
        where T : class => ObjectBody<T>.Instance;

    /// <summary>A list, bare or wrapped (<c>{"data": [...]}</c>).</summary>
    public static ResponseBody<IReadOnlyList<T>> List<T>()
        where T : class => ListBody<T>.Instance;

    /// <summary>A value read exactly as <paramref name="typeInfo"/> says; <paramref name="expected"/> names it in messages.</summary>
    public static ResponseBody<T> Of<T>(JsonTypeInfo<T> typeInfo, string? expected = null) =>
        new TypedBody<T>(typeInfo, expected ?? $"JSON for {typeof(T).Name}");

    private static JsonTypeInfo<TValue> Context<TValue>() => (JsonTypeInfo<TValue>)CrmJsonContext.Default.GetTypeInfo(typeof(TValue))!;

    private sealed class ObjectBody<T> : ResponseBody<T>
        where T : class
    {
        public static readonly ObjectBody<T> Instance = new();

        private readonly JsonTypeInfo<Envelope<T>> _typeInfo = Context<Envelope<T>>();

        public override string Expected => $"a JSON object ({typeof(T).Name})";

        public override bool TryRead(ReadOnlySpan<byte> json, out T value)
        {
            value = IsBlank(json) ? null! : JsonSerializer.Deserialize(json, _typeInfo).Value!;
            return value is not null;
        }
    }

    private sealed class ListBody<T> : ResponseBody<IReadOnlyList<T>>
        where T : class
    {
        public static readonly ListBody<T> Instance = new();

        private readonly JsonTypeInfo<ListEnvelope<T>> _typeInfo = Context<ListEnvelope<T>>();

        public override string Expected => $"a JSON array of {typeof(T).Name}";

        public override bool TryRead(ReadOnlySpan<byte> json, out IReadOnlyList<T> value)
        {
            value = IsBlank(json) ? null! : JsonSerializer.Deserialize(json, _typeInfo).Items!;
            return value is not null;
        }
    }

    private sealed class TypedBody<T>(JsonTypeInfo<T> typeInfo, string expected) : ResponseBody<T>
    {
        public override string Expected => expected;

        public override bool TryRead(ReadOnlySpan<byte> json, out T value)
        {
            value = IsBlank(json) ? default! : JsonSerializer.Deserialize(json, typeInfo)!;
            return value is not null;
        }
    }

    private sealed class JsonBody : ResponseBody<JsonElement>
    {
        public override string Expected => "JSON";

        public override bool TryRead(ReadOnlySpan<byte> json, out JsonElement value)
        {
            // Deserializing a JsonElement copies it out of the pooled bytes, so it outlives them.
            value = IsBlank(json) ? default : JsonSerializer.Deserialize(json, CrmJsonContext.Default.JsonElement);
            return true;
        }
    }

    private sealed class NoBody : ResponseBody<bool>
    {
        public override string Expected => "nothing";

        public override bool TryRead(ReadOnlySpan<byte> json, out bool value)
        {
            value = true;
            return true;
        }
    }
}
