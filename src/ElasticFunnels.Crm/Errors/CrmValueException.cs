using System.Text.Json;

namespace ElasticFunnels.Crm;

/// <summary>
/// A typed read of an entry value failed (for example <see cref="EntryValues.GetDecimal(string)"/> of a
/// key that is missing, null, or holds text). <see cref="Reason"/> says which of the three it was;
/// the <c>TryGet...</c> methods never throw it.
/// </summary>
/// <remarks>
/// The message and <see cref="ActualSnippet"/> hold at most 32 characters of the value's JSON, which may
/// be customer data (an e-mail address, say): mind where you log it.
/// </remarks>
public class CrmValueException : CrmException
{
    /// <summary>Creates the exception from what was asked for and what was found.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="expectedType">What the value was read as, e.g. <c>decimal</c>.</param>
    /// <param name="reason">Why the read failed.</param>
    /// <param name="actualKind">The JSON kind found; <see cref="JsonValueKind.Undefined"/> when the key is missing.</param>
    /// <param name="actualSnippet">The start of the value's JSON, or null when the key is missing.</param>
    /// <param name="innerException">The cause, if any (a <see cref="JsonException"/> when mapping to an object failed).</param>
    public CrmValueException(string key, string expectedType, CrmValueErrorReason reason, JsonValueKind actualKind, string? actualSnippet, Exception? innerException = null)
        : base(Describe(key, expectedType, reason, actualKind, actualSnippet), innerException)
    {
        Key = key;
        ExpectedType = expectedType;
        Reason = reason;
        ActualKind = actualKind;
        ActualSnippet = actualSnippet;
    }

    /// <summary>Creates the exception with a message of your own (for tests and mocks).</summary>
    /// <param name="key">The field key.</param>
    /// <param name="expectedType">What the value was read as.</param>
    /// <param name="reason">Why the read failed.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmValueException(string key, string expectedType, CrmValueErrorReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Key = key;
        ExpectedType = expectedType;
        Reason = reason;
        ActualKind = reason switch
        {
            CrmValueErrorReason.Null => JsonValueKind.Null,
            _ => JsonValueKind.Undefined,
        };
    }

    /// <summary>The field key that was read.</summary>
    public string Key { get; }

    /// <summary>The .NET type the value was read as, e.g. <c>decimal</c> or <c>DateOnly</c>.</summary>
    public string ExpectedType { get; }

    /// <summary>Missing key, JSON <c>null</c>, or a value of another type.</summary>
    public CrmValueErrorReason Reason { get; }

    /// <summary>The JSON kind found: <see cref="JsonValueKind.Undefined"/> for a missing key, <see cref="JsonValueKind.Null"/> for null.</summary>
    public JsonValueKind ActualKind { get; }

    /// <summary>At most 32 characters of the value's JSON (<c>null</c> when the key is missing).</summary>
    public string? ActualSnippet { get; }

    internal static CrmValueException For(string key, string expectedType, JsonElement value, bool found, Exception? innerException = null)
    {
        if (!found)
        {
            return new CrmValueException(key, expectedType, CrmValueErrorReason.Missing, JsonValueKind.Undefined, null, innerException);
        }

        var reason = value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? CrmValueErrorReason.Null : CrmValueErrorReason.WrongType;
        var kind = value.ValueKind == JsonValueKind.Undefined ? JsonValueKind.Null : value.ValueKind;
        return new CrmValueException(key, expectedType, reason, kind, reason == CrmValueErrorReason.Null ? "null" : ValueReader.Snippet(value), innerException);
    }

    private static string Describe(string key, string expectedType, CrmValueErrorReason reason, JsonValueKind kind, string? snippet) => reason switch
    {
        CrmValueErrorReason.Missing => $"The entry has no value for '{key}' (expected {expectedType}).",
        CrmValueErrorReason.Null => $"The entry value '{key}' is null (expected {expectedType}).",
        _ => $"The entry value '{key}' cannot be read as {expectedType}: it is {ValueReader.KindWithArticle(kind)} {snippet}.",
    };
}
