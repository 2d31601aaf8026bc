namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>Every README code block marked as a snippet is the same code as a compiled, tested region.</summary>
public sealed class ReadmeSnippetTests
{
    public static TheoryData<string> Names() => new(ReadmeSnippets.FromReadme().Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Snippet_InReadme_MatchesCompiledRegion(string name)
    {
        var sources = ReadmeSnippets.FromSources();

        Assert.True(sources.TryGetValue(name, out var compiled), $"README snippet '{name}' has no '#region {name}' in tests/ElasticFunnels.Crm.Tests.");
        Assert.Equal(compiled, ReadmeSnippets.FromReadme()[name]);
    }

    [Fact]
    public void Readme_HasSnippets()
    {
        Assert.True(ReadmeSnippets.FromReadme().Count >= 3);
    }
}
