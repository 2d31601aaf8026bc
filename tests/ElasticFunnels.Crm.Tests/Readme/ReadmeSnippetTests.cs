namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>
/// Every C# block of the documentation (README.md, docs/*.md, src/*/README.md) is a marked snippet whose
/// code is a compiled, tested <c>#region</c> of the same name in tests/, and the snippets of one page can
/// be pasted together.
/// </summary>
public sealed class ReadmeSnippetTests
{
    public static TheoryData<string> Documents() => new(ReadmeSnippets.Documents());

    public static TheoryData<string, string> Snippets()
    {
        var data = new TheoryData<string, string>();
        foreach (var block in ReadmeSnippets.CSharpBlocks().Where(b => b.Snippet is not null))
        {
            data.Add(block.Document, block.Snippet!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_InDocument_MatchesCompiledRegion(string document, string snippet)
    {
        var block = ReadmeSnippets.Blocks(document).Single(b => b.Snippet == snippet);
        var regions = ReadmeSnippets.Regions()[snippet].ToList();

        Assert.True(regions.Count > 0, $"{document} line {block.Line}: snippet '{snippet}' has no '#region {snippet}' in tests/.");
        Assert.True(regions.Count == 1, $"{document}: '#region {snippet}' is defined {regions.Count} times: {string.Join(", ", regions.Select(r => r.File))}.");
        Assert.Equal(regions[0].Code, ReadmeSnippets.Normalize(block.Code));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_EveryCSharpBlock_IsMarkedSnippet(string document)
    {
        var unmarked = ReadmeSnippets.Blocks(document).Where(b => b.IsCSharp && b.Snippet is null).Select(b => $"line {b.Line}").ToList();
        var orphans = ReadmeSnippets.OrphanMarkers(document);

        Assert.True(unmarked.Count == 0, $"{document}: C# blocks without a '<!-- snippet: Name -->' marker (and so not compiled) at {string.Join(", ", unmarked)}.");
        Assert.True(orphans.Count == 0, $"{document}: snippet markers with no C# block right after them: {string.Join(", ", orphans)}.");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_Snippets_DeclareEachNameOnce(string document)
    {
        var declared = ReadmeSnippets.Blocks(document)
            .Where(b => b.IsCSharp)
            .SelectMany(b => SnippetDeclarations.TopLevelNames(b.Code).Select(name => (Name: name, b.Snippet)))
            .GroupBy(d => d.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' in {string.Join(", ", g.Select(d => d.Snippet))}")
            .ToList();

        Assert.True(declared.Count == 0, $"{document}: snippets pasted one after the other would declare a name twice: {string.Join("; ", declared)}.");
    }

    [Fact]
    public void Snippets_NamesUniqueAcrossDocuments()
    {
        var repeated = ReadmeSnippets.CSharpBlocks()
            .Where(b => b.Snippet is not null)
            .GroupBy(b => b.Snippet!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' in {string.Join(", ", g.Select(b => $"{b.Document} line {b.Line}"))}")
            .ToList();

        Assert.Empty(repeated);
    }

    [Fact]
    public void Regions_NamesUniqueAcrossTestSources()
    {
        var repeated = ReadmeSnippets.Regions().Where(g => g.Count() > 1).Select(g => $"'{g.Key}' in {string.Join(", ", g.Select(r => r.File))}").ToList();

        Assert.Empty(repeated);
    }

    [Fact]
    public void Documents_ReadmeDocsAndPackageReadmes_HaveSnippets()
    {
        var documents = ReadmeSnippets.Documents();
        var withSnippets = ReadmeSnippets.CSharpBlocks().Select(b => b.Document).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("README.md", withSnippets);
        Assert.Contains("src/ElasticFunnels.Crm/README.md", withSnippets);
        Assert.Contains(documents, d => d.StartsWith("docs/", StringComparison.Ordinal) && withSnippets.Contains(d));
        Assert.True(ReadmeSnippets.CSharpBlocks().Count() >= 30);
    }
}
