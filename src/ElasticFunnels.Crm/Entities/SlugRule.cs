namespace ElasticFunnels.Crm;

/// <summary>The documented rule for an entity slug.</summary>
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
}
