using System.IO.Compression;
using System.Xml.Linq;

namespace ElasticFunnels.Crm.PackageTests;

/// <summary>
/// Each package's nuget.org page shows the README written for it (src/&lt;package&gt;/README.md), byte for
/// byte, and never the repository's README, which is written for GitHub.
/// </summary>
public sealed class PackageReadmeTests(LocalFeed packages)
{
    public static TheoryData<string> Packages() => new(LocalFeed.Packages);

    [Theory]
    [MemberData(nameof(Packages))]
    public void PackedPackage_Readme_IsThePackagesOwnReadme(string id)
    {
        var expected = File.ReadAllBytes(Path.Combine(LocalFeed.RepositoryRoot, "src", id, "README.md"));
        var repositoryReadme = File.ReadAllBytes(Path.Combine(LocalFeed.RepositoryRoot, "README.md"));

        using var zip = ZipFile.OpenRead(Path.Combine(packages.Feed, $"{id}.{packages.Version}.nupkg"));
        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var readme = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata").Elements().Single(e => e.Name.LocalName == "readme").Value;
        using var packed = new MemoryStream();
        using (var entry = zip.Entries.Single(e => e.FullName == readme).Open())
        {
            entry.CopyTo(packed);
        }

        Assert.Equal("README.md", readme);
        Assert.Equal(expected, packed.ToArray());
        Assert.NotEqual(repositoryReadme, packed.ToArray());
    }
}
