namespace ElasticFunnels.Crm;

/// <summary>
/// One thing wrong with <see cref="ElasticFunnelsCrmOptions"/>: the property it concerns (a dotted path such as
/// <c>Retry.MaxDelay</c>) and what is wrong with it, kept apart so that each caller names the setting the way
/// its user gave it: a configuration path, a property, or a constructor parameter.
/// </summary>
/// <param name="Property">The property, relative to the options, e.g. <c>AccessKey</c> or <c>Retry.MaxDelay</c>.</param>
/// <param name="Text">What is wrong, as the rest of a sentence that starts with the setting's name, e.g. <c>is missing: set it to ...</c>.</param>
/// <param name="Missing">Whether the value is absent (rather than invalid).</param>
internal readonly record struct OptionsProblem(string Property, string Text, bool Missing = false)
{
    /// <summary>The sentence, with the property named after <paramref name="prefix"/>, e.g. <c>options.</c> or <c>ElasticFunnelsCrmOptions.</c>.</summary>
    public string Describe(string prefix) => $"{prefix}{Property} {Text}";

    /// <summary>The sentences for every problem, each property named by <paramref name="name"/>; for an <see cref="ArgumentException"/>.</summary>
    public static string Describe(IEnumerable<OptionsProblem> problems, Func<string, string> name) =>
        string.Join(" ", problems.Select(p => $"{name(p.Property)} {p.Text}"));
}
