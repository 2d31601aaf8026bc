using System.Text.RegularExpressions;

namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>
/// Finds the README's <c>&lt;!-- snippet: Name --&gt;</c> code blocks and the <c>#region Name</c> blocks of
/// the compiled snippet files in this folder, so a test can require that they are the same code.
/// </summary>
public static partial class ReadmeSnippets
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static IReadOnlyDictionary<string, string> FromReadme() => FromMarkdown("README.md");

    /// <summary>The snippet blocks of a Markdown file, by name; <paramref name="relativePath"/> is relative to the repository root.</summary>
    public static IReadOnlyDictionary<string, string> FromMarkdown(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, relativePath));
        return ReadmeBlock().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => Normalize(m.Groups["code"].Value));
    }

    public static IReadOnlyDictionary<string, string> FromSources()
    {
        var result = new Dictionary<string, string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "tests", "ElasticFunnels.Crm.Tests"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match m in SourceRegion().Matches(File.ReadAllText(file)))
            {
                result[m.Groups["name"].Value] = Normalize(m.Groups["code"].Value);
            }
        }

        return result;
    }

    /// <summary>Trims each line and drops blank ones, so indentation does not matter but every token does.</summary>
    public static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && File.Exists(Path.Combine(dir.FullName, "ElasticFunnels.Crm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (README.md next to ElasticFunnels.Crm.sln) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"<!-- snippet: (?<name>\w+) -->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeBlock();

    [GeneratedRegex(@"#region (?<name>\w+)\s*\n(?<code>.*?)#endregion", RegexOptions.Singleline)]
    private static partial Regex SourceRegion();
}
