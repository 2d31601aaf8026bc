namespace ElasticFunnels.Crm;

/// <summary>Documented maximum lengths.</summary>
internal static class LengthRule
{
    public static void Check(string? value, int max, string paramName, string property)
    {
        if (value is not null && value.Length > max)
        {
            throw new ArgumentException($"{paramName}.{property} is {value.Length} characters long; at most {max} are allowed.", paramName);
        }
    }
}
