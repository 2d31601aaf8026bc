namespace ElasticFunnels.Crm.Internal;

/// <summary>The documented key rules: entity slugs and field keys.</summary>
internal static class SlugRule
{
    /// <summary>An entity slug: lowercase letters, digits, hyphens and underscores.</summary>
    public static void Check(string slug, string paramName)
    {
        if (slug.Length == 0 || !slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
        {
            throw new ArgumentException($"{paramName}.Slug '{slug}' may contain only lowercase letters, digits, hyphens and underscores.", paramName);
        }
    }

    /// <summary>A field key: lowercase letters, digits and underscores.</summary>
    public static void CheckFieldKey(string key, string paramName)
    {
        if (key.Length == 0 || !key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            throw new ArgumentException($"{paramName}.Key '{key}' may contain only lowercase letters, digits and underscores.", paramName);
        }
    }
}
