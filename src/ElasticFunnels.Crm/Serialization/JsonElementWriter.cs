using System.Buffers;
using System.Text.Json;

namespace ElasticFunnels.Crm.Serialization;

/// <summary>Builds a <see cref="JsonElement"/> by writing it, for model properties whose JSON is computed.</summary>
internal static class JsonElementWriter
{
    public static JsonElement Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, state);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }
}
