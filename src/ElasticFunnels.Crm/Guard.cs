namespace ElasticFunnels.Crm;

/// <summary>Argument checks that run before anything is sent, with messages that name the rule broken.</summary>
internal static class Guard
{
    /// <summary>The longest entry id the SDK sends (Elasticsearch's limit is 512 bytes).</summary>
    public const int MaxEntryIdLength = 512;

    public static void Id(long id, string paramName)
    {
        if (id <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, id, $"{paramName} must be greater than zero (was {id}).");
        }
    }

    public static void OptionalId(long? id, string name)
    {
        if (id is { } value && value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be greater than zero when set (was {value}).");
        }
    }

    /// <summary>
    /// An entry id is opaque, so the SDK escapes it as one path segment; it also rejects the values
    /// that would still address another resource once escaped or normalized: empty, <c>.</c>, <c>..</c>,
    /// slashes, backslashes, control characters, unpaired surrogates and more than 512 characters.
    /// </summary>
    public static void EntryId(string? entryId, string paramName)
    {
        ArgumentNullException.ThrowIfNull(entryId, paramName);
        if (string.IsNullOrWhiteSpace(entryId))
        {
            throw new ArgumentException($"{paramName} must not be empty or whitespace.", paramName);
        }

        if (entryId is "." or "..")
        {
            throw new ArgumentException($"{paramName} cannot be '{entryId}': it would address another resource.", paramName);
        }

        if (entryId.Length > MaxEntryIdLength)
        {
            throw new ArgumentException($"{paramName} is {entryId.Length} characters long; an entry id has at most {MaxEntryIdLength}.", paramName);
        }

        for (var i = 0; i < entryId.Length; i++)
        {
            var c = entryId[i];
            if (c is '/' or '\\' || char.IsControl(c))
            {
                throw new ArgumentException($"{paramName} contains '{(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())}', which an entry id cannot contain (slashes, backslashes and control characters would change the path).", paramName);
            }

            // A lone surrogate is escaped as U+FFFD, so two different strings would name the same entry.
            if (char.IsHighSurrogate(c) && i + 1 < entryId.Length && char.IsLowSurrogate(entryId[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException($"{paramName} contains an unpaired UTF-16 surrogate at index {i}; an entry id must be valid Unicode text.", paramName);
            }
        }
    }

    public static T NotNull<T>(T? value, string paramName) where T : class =>
        value ?? throw new ArgumentNullException(paramName);

    public static void Required(string? value, string paramName, string property)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{paramName}.{property} is required and must not be empty or whitespace.", paramName);
        }
    }

    public static void NotBlankWhenSet(string? value, string paramName, string property)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{paramName}.{property} must not be empty or whitespace when set; leave it null to keep the current value.", paramName);
        }
    }
}
