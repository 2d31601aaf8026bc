using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace ElasticFunnels.Crm.PackageTests;

/// <summary>
/// Creates a console project outside the repository that references the packed ElasticFunnels.Crm and
/// ElasticFunnels.Crm.Testing from the local feed only (package source mapping), builds it and runs it
/// against the emulator.
/// </summary>
public sealed class PackageConsumptionTests(LocalFeed packages)
{
    [Fact]
    public async Task PackedPackages_FreshConsoleProject_BuildsAndRunsAgainstEmulator()
    {
        var ct = TestContext.Current.CancellationToken;
        var feed = packages.Feed;
        var version = packages.Version;

        var package = Path.Combine(feed, $"ElasticFunnels.Crm.{version}.nupkg");
        Assert.True(File.Exists(package));
        Assert.True(File.Exists(Path.Combine(feed, $"ElasticFunnels.Crm.{version}.snupkg")));
        AssertPackageMetadata(package);

        var app = Path.Combine(packages.Work, "app");
        Directory.CreateDirectory(app);
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="ElasticFunnels.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """, ct);
        await File.WriteAllTextAsync(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ElasticFunnels.Crm" Version="{version}" />
                <PackageReference Include="ElasticFunnels.Crm.Testing" Version="{version}" />
              </ItemGroup>
            </Project>
            """, ct);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            using ElasticFunnels.Crm;
            using ElasticFunnels.Crm.Testing;

            await using var emulator = new CrmEmulator();
            using var crm = new ElasticFunnelsCrmClient(
                new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = emulator.BaseAddress },
                emulator.CreateHandler(),
                disposeHandler: true);

            var leads = await crm.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads", Preset = "leads" });
            var entity = await crm.Entities.GetAsync(leads.Id);
            var pipeline = entity.Pipelines[0];
            var entry = await crm.Entries.CreateAsync(entity.Id, new EntryCreateRequest
            {
                Title = "Jane Doe",
                PipelineId = pipeline.Id,
                StageId = pipeline.Stages[0].Id,
                Values = new Dictionary<string, FieldValue> { ["email"] = "jane@example.com" },
            });
            var count = 0;
            await foreach (var e in crm.Entries.ListAutoPagingAsync(entity.Id))
            {
                count++;
            }

            Console.WriteLine($"PACKAGE-OK entries={count} email={entry.Values["email"].GetString()}");
            """, ct);

        var run = await LocalFeed.RunAsync("dotnet", "run", app, ct);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("PACKAGE-OK entries=1 email=jane@example.com", run.Output);
        var assets = await File.ReadAllTextAsync(Path.Combine(app, "obj", "project.assets.json"), ct);
        Assert.Contains($"ElasticFunnels.Crm/{version}", assets);
        Assert.DoesNotContain("\"type\": \"project\"", assets);
    }

    private static void AssertPackageMetadata(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("icon.png", Value("icon"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Contains("crm", Value("tags"), StringComparison.Ordinal);
        Assert.NotNull(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "repository"));
        Assert.Contains(zip.Entries, e => e.FullName == "README.md");
        Assert.Contains(zip.Entries, e => e.FullName == "icon.png");
        Assert.Contains(zip.Entries, e => e.FullName == "lib/net10.0/ElasticFunnels.Crm.dll");
        Assert.Contains(zip.Entries, e => e.FullName == "lib/net10.0/ElasticFunnels.Crm.xml");
    }
}
