namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>The snippet blocks of the guides under docs/ are the same code as compiled, tested regions, as in the README.</summary>
public sealed class DocsSnippetTests
{
    public static TheoryData<string, string> Snippets()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ReadmeSnippets.RepositoryRoot, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(ReadmeSnippets.RepositoryRoot, file);
            foreach (var name in ReadmeSnippets.FromMarkdown(relative).Keys)
            {
                data.Add(relative, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_InDocs_MatchesCompiledRegion(string file, string name)
    {
        var sources = ReadmeSnippets.FromSources();

        Assert.True(sources.TryGetValue(name, out var compiled), $"{file} snippet '{name}' has no '#region {name}' in tests/ElasticFunnels.Crm.Tests.");
        Assert.Equal(compiled, ReadmeSnippets.FromMarkdown(file)[name]);
    }

    [Fact]
    public void TenantsAndKeyRotation_EveryCSharpBlockIsASnippet()
    {
        var text = File.ReadAllText(Path.Combine(ReadmeSnippets.RepositoryRoot, "docs", "tenants-and-key-rotation.md"));

        var blocks = text.Split("```csharp").Length - 1;

        Assert.True(blocks >= 4, $"Expected the guide's C# examples, found {blocks}.");
        Assert.Equal(blocks, ReadmeSnippets.FromMarkdown(Path.Combine("docs", "tenants-and-key-rotation.md")).Count);
    }
}
