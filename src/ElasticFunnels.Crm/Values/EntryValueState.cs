namespace ElasticFunnels.Crm;

/// <summary>Whether an entry has a value for a key: see <see cref="EntryValues.GetState(string)"/>.</summary>
public enum EntryValueState
{
    /// <summary>The key is not in the entry's values.</summary>
    Missing = 0,

    /// <summary>The key is there with a JSON <c>null</c> (the value was cleared or never set).</summary>
    Null = 1,

    /// <summary>The key has a value other than <c>null</c> (of whatever type).</summary>
    Present = 2,
}
