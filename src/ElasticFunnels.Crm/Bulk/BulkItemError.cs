using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// Why one item of a bulk operation failed, as data: what <see cref="BulkItemResult{T}"/> serializes
/// instead of the exception itself (which is neither safe nor possible to serialize as it is).
/// </summary>
/// <remarks>
/// It carries the exception's type name and message, and for a failure the API answered its status code,
/// error code and per-field errors. Nothing else of the exception (no stack trace, inner exceptions,
/// headers or request data) is kept, and the SDK never puts the access key in an exception message.
/// </remarks>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed class BulkItemError
{
    [JsonConstructor]
    internal BulkItemError(string type, string message, int? statusCode, string? errorCode, IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors)
    {
        Type = type ?? string.Empty;
        Message = message ?? string.Empty;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        FieldErrors = fieldErrors is { Count: > 0 } ? fieldErrors : null;
    }

    /// <summary>The full name of the exception's type, e.g. <c>ElasticFunnels.Crm.CrmValidationException</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; }

    /// <summary>The exception's message.</summary>
    [JsonPropertyName("message")]
    public string Message { get; }

    /// <summary>The HTTP status code, when the API answered (a <see cref="CrmApiException"/>).</summary>
    [JsonPropertyName("status_code")]
    public int? StatusCode { get; }

    /// <summary>The API's error code, when it sent one.</summary>
    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; }

    /// <summary>The API's messages per field (a 422), when it sent any; otherwise <see langword="null"/>.</summary>
    [JsonPropertyName("field_errors")]
    [JsonConverter(typeof(FieldErrorsJsonConverter))]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? FieldErrors { get; }

    /// <summary>Describes an exception.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The description.</returns>
    internal static BulkItemError From(Exception exception) => exception is CrmApiException api
        ? new(exception.GetType().FullName!, exception.Message, (int)api.StatusCode, api.ErrorCode, api.FieldErrors)
        : new(exception.GetType().FullName!, exception.Message, null, null, null);

    /// <inheritdoc />
    public override string ToString() => $"{Type}: {Message}";

    // The keys are the API's field keys: data, not names for a caller's DictionaryKeyPolicy to rewrite.
    internal sealed class FieldErrorsJsonConverter : JsonConverter<IReadOnlyDictionary<string, IReadOnlyList<string>>>
    {
        public override IReadOnlyDictionary<string, IReadOnlyList<string>>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"Expected field errors as an object of field key to messages but found {reader.TokenType}.");
            }

            var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                reader.Read();
                var messages = new List<string>();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        messages.Add(reader.GetString() ?? string.Empty);
                    }
                }
                else
                {
                    messages.Add(reader.GetString() ?? string.Empty);
                }

                errors[key] = messages;
            }

            return errors;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, IReadOnlyList<string>> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, messages) in value)
            {
                writer.WriteStartArray(key);
                foreach (var message in messages)
                {
                    writer.WriteStringValue(message);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }
    }
}
