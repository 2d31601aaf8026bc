extern alias crmcli;

using CsvHelper;
using crmcli::CrmCli;

namespace ElasticFunnels.Crm.Samples.Tests;

public sealed class CsvScriptsTests
{
    private static string SampleCsv => Path.Combine(AppContext.BaseDirectory, "leads.csv");

    [Fact]
    public async Task Import_SampleCsv_ReportsEveryRowAndRerunUpdatesInsteadOfDuplicating()
    {
        await using var crm = EmulatorCrm.InMemory();
        var ct = TestContext.Current.CancellationToken;
        var target = await CliTarget.FindAsync(crm.Client, "leads", createFromPreset: true, TextWriter.Null, ct);
        var reported = new List<ImportRowResult>();

        var first = await ImportFileAsync(crm.Client, target, ct, total => { Assert.Equal(8, total); return new SyncProgress(reported.Add); });
        var second = await ImportFileAsync(crm.Client, target, ct);

        Assert.Equal(8, reported.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], first.Select(r => r.Row));
        Assert.Equal([ImportRowStatus.Failed, ImportRowStatus.Failed], first.Where(r => r.Row is 5 or 6).Select(r => r.Status));
        Assert.Contains("email", first[4].Message, StringComparison.Ordinal);
        Assert.Contains("no title", first[5].Message, StringComparison.Ordinal);
        Assert.Equal(6, first.Count(r => r.Status == ImportRowStatus.Created));
        Assert.Equal(6, second.Count(r => r.Status == ImportRowStatus.Updated));
        Assert.Equal(6, crm.Emulator.EntryCount(target.Entity.Id));

        var noor = await crm.Client.Entries.ListAutoPagingAsync(target.Entity.Id, new EntryListOptions { ReferenceId = "imp-007" }, ct).SingleAsync(ct);
        Assert.Equal("Closed Won", target.StageName(noor.StageId));
        Assert.Equal("Google", noor.Values["lead_source"].GetString());
        Assert.Equal("import", noor.ReferenceType);
    }

    [Fact]
    public async Task Export_AfterImport_WritesEveryEntryWithFieldColumnsAndRoundTrips()
    {
        await using var source = EmulatorCrm.InMemory();
        var ct = TestContext.Current.CancellationToken;
        var target = await CliTarget.FindAsync(source.Client, "leads", createFromPreset: true, TextWriter.Null, ct);
        await ImportFileAsync(source.Client, target, ct);
        var csv = new StringWriter();

        var rows = await new CsvExporter(source.Client) { PageSize = 4 }.ExportAsync(target, csv, cancellationToken: ct);

        Assert.Equal(6, rows);
        var exported = Read(csv.ToString());
        Assert.Equal(6, exported.Count);
        Assert.Equal(["id", "title", "pipeline_id", "stage", "reference_type", "reference_id", "created_at", "updated_at", "email", "phone", "lead_source", "company", "deal_value"], exported[0].Keys);
        var ana = exported.Single(r => r["reference_id"] == "imp-003");
        Assert.Equal("Initech, S.L.", ana["company"]);
        Assert.Equal("Ana García", ana["title"]);
        Assert.Equal("Contacted", ana["stage"]);

        // The export is itself an importable file: into an empty CRM it recreates the same leads.
        await using var copy = EmulatorCrm.InMemory();
        var copyTarget = await CliTarget.FindAsync(copy.Client, "leads", createFromPreset: true, TextWriter.Null, ct);
        var reimport = await new CsvImporter(copy.Client).ImportAsync(copyTarget, new StringReader(csv.ToString()), TextWriter.Null, cancellationToken: ct);
        Assert.All(reimport, r => Assert.Equal(ImportRowStatus.Created, r.Status));
        var again = new StringWriter();
        await new CsvExporter(copy.Client).ExportAsync(copyTarget, again, cancellationToken: ct);
        Assert.Equal(Comparable(exported), Comparable(Read(again.ToString())));
    }

    [Fact]
    public async Task Import_UnknownColumnsAndRowsWithoutReference_WarnsAndCreates()
    {
        await using var crm = EmulatorCrm.InMemory();
        var ct = TestContext.Current.CancellationToken;
        var target = await CliTarget.FindAsync(crm.Client, "leads", createFromPreset: true, TextWriter.Null, ct);
        var log = new StringWriter();

        var results = await new CsvImporter(crm.Client).ImportAsync(target, new StringReader("title,email,shoe_size\nA,a@example.com,42\nA,a@example.com,42\n"), log, cancellationToken: ct);

        Assert.Equal([ImportRowStatus.Created, ImportRowStatus.Created], results.Select(r => r.Status));
        Assert.Contains("column 'shoe_size' is not a field of 'leads'", log.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, crm.Emulator.EntryCount(target.Entity.Id));
    }

    [Fact]
    public async Task FindAsync_MissingEntityWithoutPreset_Throws()
    {
        await using var crm = EmulatorCrm.InMemory();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            CliTarget.FindAsync(crm.Client, "leads", createFromPreset: false, TextWriter.Null, TestContext.Current.CancellationToken));

        Assert.Contains("no entity with the slug 'leads'", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<ImportRowResult>> ImportFileAsync(IElasticFunnelsCrmClient crm, CliTarget target, CancellationToken ct, Func<int, IProgress<ImportRowResult>>? progress = null)
    {
        using var reader = new StreamReader(SampleCsv);
        return await new CsvImporter(crm).ImportAsync(target, reader, TextWriter.Null, progress, ct);
    }

    private static List<Dictionary<string, string>> Read(string csv)
    {
        using var reader = CsvReader.Create(new StringReader(csv), null, leaveOpen: false);
        var headers = reader.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(headers.Select((h, i) => (h, v: reader.GetString(i))).ToDictionary(p => p.h, p => p.v));
        }

        return rows;
    }

    private static List<string> Comparable(List<Dictionary<string, string>> rows) =>
        [.. rows.Select(r => string.Join("|", r.Where(p => p.Key is not ("id" or "created_at" or "updated_at" or "pipeline_id")).Select(p => $"{p.Key}={p.Value}"))).Order()];

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so the test can count without waiting.</summary>
    private sealed class SyncProgress(Action<ImportRowResult> report) : IProgress<ImportRowResult>
    {
        public void Report(ImportRowResult value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
