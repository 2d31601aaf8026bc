using System.Text.RegularExpressions;

namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>
/// Reads the documentation (README.md, docs/*.md and the package READMEs under src/) and the compiled
/// <c>#region Name</c> blocks of every test project, so tests can require that each C# block of the
/// documentation is a <c>&lt;!-- snippet: Name --&gt;</c> block with the same code as a compiled region.
/// </summary>
public static partial class ReadmeSnippets
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The documentation files, relative to the repository root with '/' separators.</summary>
    public static IReadOnlyList<string> Documents()
    {
        var files = new List<string> { "README.md" };
        files.AddRange(Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "docs"), "*.md").Select(Relative).Order(StringComparer.Ordinal));
        files.AddRange(Directory.EnumerateDirectories(Path.Combine(RepositoryRoot, "src"))
            .Select(d => Path.Combine(d, "README.md"))
            .Where(File.Exists)
            .Select(Relative)
            .Order(StringComparer.Ordinal));
        return files;
    }

    /// <summary>Every fenced code block of a documentation file, in order, with the snippet marker before it, if any.</summary>
    public static IReadOnlyList<CodeBlock> Blocks(string document)
    {
        var lines = File.ReadAllText(Path.Combine(RepositoryRoot, document)).ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<CodeBlock>();
        string? previous = null; // the last non-blank line outside a block
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                if (lines[i].Trim().Length > 0)
                {
                    previous = lines[i];
                }

                continue;
            }

            var start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith(fence.Groups["ticks"].Value, StringComparison.Ordinal); i++)
            {
                code.Add(lines[i]);
            }

            var marker = previous is null ? null : Marker().Match(previous);
            blocks.Add(new CodeBlock(document, start + 1, fence.Groups["lang"].Value, marker is { Success: true } ? marker.Groups["name"].Value : null, string.Join('\n', code)));
            previous = lines[Math.Min(i, lines.Length - 1)];
        }

        return blocks;
    }

    /// <summary>The snippet markers of a documentation file that no code block follows.</summary>
    public static IReadOnlyList<string> OrphanMarkers(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, document)).ReplaceLineEndings("\n");
        var marked = Blocks(document).Where(b => b.Snippet is not null).Select(b => b.Snippet!).ToHashSet(StringComparer.Ordinal);
        return [.. Marker().Matches(text).Select(m => m.Groups["name"].Value).Where(name => !marked.Contains(name))];
    }

    /// <summary>The C# blocks of every documentation file (the ones the check compiles).</summary>
    public static IEnumerable<CodeBlock> CSharpBlocks() => Documents().SelectMany(Blocks).Where(b => b.IsCSharp);

    /// <summary>Every <c>#region</c> in the test projects' sources, by name; a name may (wrongly) occur more than once.</summary>
    public static ILookup<string, CompiledRegion> Regions()
    {
        var regions = new List<CompiledRegion>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "tests"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Relative(file);
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match m in SourceRegion().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
            {
                regions.Add(new CompiledRegion(m.Groups["name"].Value, relative, Normalize(m.Groups["code"].Value)));
            }
        }

        return regions.ToLookup(r => r.Name, StringComparer.Ordinal);
    }

    /// <summary>Trims each line and drops blank ones, so indentation does not matter but every token does.</summary>
    public static string Normalize(string code) =>
        string.Join('\n', code.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string Relative(string path) => Path.GetRelativePath(RepositoryRoot, path).Replace(Path.DirectorySeparatorChar, '/');

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

    [GeneratedRegex(@"^\s*(?<ticks>```+)\s*(?<lang>[^\s`]*)")]
    private static partial Regex Fence();

    // A marker is a line of its own; one quoted in prose (in `code`) is not a marker.
    [GeneratedRegex(@"^[ \t]*<!-- snippet: (?<name>\w+) -->[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"#region (?<name>\w+)[ \t]*\n(?<code>.*?)#endregion", RegexOptions.Singleline)]
    private static partial Regex SourceRegion();
}

/// <summary>A fenced code block of a documentation file.</summary>
/// <param name="Document">The file, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Language">The fence's language tag (<c>csharp</c>, <c>bash</c>, ...), empty when none.</param>
/// <param name="Snippet">The name in the <c>&lt;!-- snippet: Name --&gt;</c> marker right before the block, or null.</param>
/// <param name="Code">The block's code.</param>
public sealed record CodeBlock(string Document, int Line, string Language, string? Snippet, string Code)
{
    public bool IsCSharp => Language is "csharp" or "cs" or "c#" or "C#";
}

/// <summary>A <c>#region Name</c> of a test source file, normalized.</summary>
public sealed record CompiledRegion(string Name, string File, string Code);
