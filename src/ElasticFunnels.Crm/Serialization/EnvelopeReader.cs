using System.Text.Json;

namespace ElasticFunnels.Crm.Serialization;

/// <summary>Scans an object's top-level properties to tell a wrapper from a bare resource.</summary>
internal static class EnvelopeReader
{
    public delegate void InnerReader(ref Utf8JsonReader reader);

    /// <summary>
    /// Looks ahead (on a copy of the reader) for a wrapper property whose value has the expected
    /// token type. An object with its own <c>id</c> is a bare resource, never a wrapper.
    /// </summary>
    public static bool TryFindWrapped(Utf8JsonReader reader, HashSet<string> names, JsonTokenType expected, out string wrapperName) =>
        TryFindWrapped(reader, names, expected, out wrapperName, out _);

    /// <summary>
    /// Like <see cref="TryFindWrapped(Utf8JsonReader, HashSet{string}, JsonTokenType, out string)"/>; also
    /// tells whether a wrapper property is present but null (<c>{"data": null}</c>): no resource at all.
    /// </summary>
    public static bool TryFindWrapped(Utf8JsonReader reader, HashSet<string> names, JsonTokenType expected, out string wrapperName, out bool wrapsNull)
    {
        wrapperName = string.Empty;
        wrapsNull = false;
        var nullWrapper = false;
        string? found = null;
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                break;
            }

            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1)
            {
                continue;
            }

            var name = reader.GetString()!;
            if (name == "id")
            {
                return false;
            }

            reader.Read();
            if (found is null && reader.TokenType == expected && names.Contains(name))
            {
                found = name;
            }

            nullWrapper |= reader.TokenType == JsonTokenType.Null && names.Contains(name);

            reader.Skip();
        }

        if (found is null)
        {
            wrapsNull = nullWrapper;
            return false;
        }

        wrapperName = found;
        return true;
    }

    /// <summary>Reads the wrapper object, handing the named property's value to <paramref name="inner"/>.</summary>
    public static void ReadWrapped(ref Utf8JsonReader reader, string wrapperName, InnerReader inner)
    {
        var depth = reader.CurrentDepth;
        var done = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                return;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var isWrapper = !done && reader.ValueTextEquals(wrapperName);
            reader.Read();
            if (isWrapper)
            {
                inner(ref reader);
                done = true;
            }
            else
            {
                reader.Skip();
            }
        }
    }
}
