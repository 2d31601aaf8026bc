namespace ElasticFunnels.Crm;

/// <summary>The documented rule for a field key.</summary>
internal static class FieldKeyRule
{
    /// <summary>A field key: lowercase letters, digits and underscores.</summary>
    public static void Check(string key, string paramName)
    {
        if (key.Length == 0 || !key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            throw new ArgumentException($"{paramName}.Key '{key}' may contain only lowercase letters, digits and underscores.", paramName);
        }
    }
}
