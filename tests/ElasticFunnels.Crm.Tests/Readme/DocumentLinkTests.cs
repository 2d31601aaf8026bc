using System.Text;
using System.Text.RegularExpressions;

namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>
/// Links in README.md, docs/*.md and the package READMEs point to files that exist, and to headings that
/// exist in them (GitHub's anchors). The package READMEs link with absolute GitHub URLs, because nuget.org
/// shows them away from the repository; those are checked against the repository too.
/// </summary>
public sealed partial class DocumentLinkTests
{
    private const string RepositoryBlob = "https://github.com/elasticfunnels/ElasticFunnels.Crm/blob/main/";

    public static TheoryData<string> Documents() => new(ReadmeSnippets.Documents());

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_Links_PointToExistingFilesAndHeadings(string document)
    {
        var broken = new List<string>();
        var directory = Path.GetDirectoryName(document)!.Replace('\\', '/');
        foreach (var (line, target) in Links(document))
        {
            string path, anchor;
            if (target.StartsWith(RepositoryBlob, StringComparison.Ordinal))
            {
                (path, anchor) = Split(target[RepositoryBlob.Length..]);
            }
            else if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }
            else
            {
                var (relative, fragment) = Split(target);
                path = relative.Length == 0 ? document : Resolve(directory, relative);
                anchor = fragment;
            }

            var full = Path.Combine(ReadmeSnippets.RepositoryRoot, path);
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                broken.Add($"line {line}: {target} ({path} does not exist)");

                continue;
            }

            if (anchor.Length > 0 && (!path.EndsWith(".md", StringComparison.Ordinal) || !Anchors(path).Contains(anchor)))
            {
                broken.Add($"line {line}: {target} (no heading #{anchor} in {path})");
            }
        }

        Assert.True(broken.Count == 0, $"{document} has broken links:\n{string.Join('\n', broken)}");
    }

    [Fact]
    public void Anchors_GitHubRules_ReadmeHeadings()
    {
        var anchors = Anchors("docs/custom-fields.md");

        Assert.Contains("checking-values-against-the-entitys-fields", anchors);
        Assert.Contains("mapping-to-your-own-class", anchors);
        Assert.DoesNotContain("Mapping to your own class", anchors);
    }

    private static (string Path, string Anchor) Split(string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (target, "") : (target[..hash], target[(hash + 1)..]);
    }

    private static string Resolve(string directory, string relative)
    {
        var parts = new List<string>(directory.Length == 0 ? [] : directory.Split('/'));
        foreach (var part in relative.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>The markdown links of a document outside code blocks and inline code, with their line numbers.</summary>
    private static IEnumerable<(int Line, string Target)> Links(string document)
    {
        var lines = File.ReadAllText(Path.Combine(ReadmeSnippets.RepositoryRoot, document)).ReplaceLineEndings("\n").Split('\n');
        var inBlock = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            if (inBlock)
            {
                continue;
            }

            foreach (Match link in Link().Matches(InlineCode().Replace(lines[i], "")))
            {
                yield return (i + 1, link.Groups["target"].Value);
            }
        }
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to '-', repeats numbered.</summary>
    private static HashSet<string> Anchors(string document)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inBlock = false;
        foreach (var line in File.ReadAllText(Path.Combine(ReadmeSnippets.RepositoryRoot, document)).ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
            }

            var heading = Heading().Match(line);
            if (inBlock || !heading.Success)
            {
                continue;
            }

            var slug = new StringBuilder();
            foreach (var c in heading.Groups["text"].Value.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            var anchor = slug.ToString();
            for (var n = 1; !anchors.Add(anchor); n++)
            {
                anchor = $"{slug}-{n}";
            }
        }

        return anchors;
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+)$")]
    private static partial Regex Heading();
}
