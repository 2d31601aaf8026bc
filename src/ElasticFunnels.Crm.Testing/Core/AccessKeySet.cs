namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// The access keys the emulator accepts, in a fixed order: <see cref="CrmEmulatorOptions.AccessKey"/>
/// is 0, then <see cref="CrmEmulatorOptions.AdditionalAccessKeys"/> in their order. The index is how
/// everything else (rate-limit windows, counters) refers to a key, so no key value is kept twice.
/// </summary>
internal sealed class AccessKeySet
{
    private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);

    /// <remarks>Messages name the setting, never the key, so a misconfigured secret is not echoed into test output.</remarks>
    public AccessKeySet(CrmEmulatorOptions options)
    {
        var settings = options.AdditionalAccessKeys.Select((key, i) => (Key: key, Name: $"AdditionalAccessKeys[{i}]")).Prepend((options.AccessKey, "AccessKey"));
        foreach (var (key, name) in settings)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException($"CrmEmulatorOptions.{name} is null, empty or whitespace.", nameof(options));
            }

            if (!indexes.TryAdd(key, indexes.Count))
            {
                throw new ArgumentException($"CrmEmulatorOptions.{name} repeats another accepted key; each key needs its own value.", nameof(options));
            }
        }
    }

    public int Count => indexes.Count;

    public bool TryFind(string presented, out int index) => indexes.TryGetValue(presented, out index);
}
