namespace ElasticFunnels.Crm;

/// <summary>Which of the API's two value shapes an <see cref="EntryValues"/> view was built from.</summary>
public enum EntryValueSource
{
    /// <summary>The response carried neither shape (or the view was built in code).</summary>
    None = 0,

    /// <summary>The <c>values_flat</c> object.</summary>
    Flat = 1,

    /// <summary>The <c>values</c> array of <c>{key, value}</c> pairs.</summary>
    Array = 2,
}
