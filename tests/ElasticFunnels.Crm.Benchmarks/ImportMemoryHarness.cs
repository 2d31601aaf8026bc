using System.Diagnostics;
using System.Globalization;
using System.Text;
using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>
/// <c>import-memory</c>: runs the real <c>efcrm import</c> (its own process, <c>dotnet efcrm.dll</c>) on
/// generated CSV files of 1,000, 10,000 and 30,000 rows, and 10,000 rows with <c>--upsert-by reference</c>, against
/// the emulator in this process, and reports the importing process's peak resident memory.
/// </summary>
/// <remarks>
/// The emulator keeps every entry, so it runs here, not in the measured process. The peak is the kernel's
/// high-water mark of the process's resident set (<c>VmHWM</c> in <c>/proc/{pid}/status</c>), read every
/// 20 ms until the process exits: the runtime, JIT and GC heap included. Flat memory means the 30,000-row
/// peak is close to the 10,000-row one.
/// </remarks>
public static class ImportMemoryHarness
{
    public static async Task<int> RunAsync()
    {
        var efcrm = Path.Combine(AppContext.BaseDirectory, "efcrm.dll");
        Console.WriteLine($"efcrm import of generated leads against the emulator over loopback ({efcrm}).");
        var runs = new List<(string Name, int Rows, long PeakKb, double Seconds, int ExitCode)>();
        foreach (var (rows, upsert) in new[] { (1_000, false), (10_000, false), (30_000, false), (10_000, true) })
        {
            runs.Add(await RunOneAsync(efcrm, rows, upsert));
        }

        Console.WriteLine();
        Console.WriteLine($"{"run",-22} {"rows",8} {"peak RSS MB",12} {"seconds",8} {"exit",5}");
        foreach (var run in runs)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run.Name,-22} {run.Rows,8} {run.PeakKb / 1024.0,12:0.0} {run.Seconds,8:0.0} {run.ExitCode,5}"));
        }

        var ratio = (double)runs[2].PeakKb / runs[1].PeakKb;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak ratios: 10k/1k {(double)runs[1].PeakKb / runs[0].PeakKb:0.00}, 30k/10k {ratio:0.00} (flat: within 1.2)"));
        return runs.All(r => r.ExitCode == 0) && ratio <= 1.2 ? 0 : 1;
    }

    private static async Task<(string, int, long, double, int)> RunOneAsync(string efcrm, int rows, bool upsert)
    {
        await using var emulator = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = true });
        var address = await emulator.StartServerAsync();
        var work = Directory.CreateTempSubdirectory("efcrm-import-memory-").FullName;
        try
        {
            var file = Path.Combine(work, "leads.csv");
            await File.WriteAllTextAsync(file, Generate(rows));
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { efcrm, "import", file, "--entity", "leads", "--reference-type", "import" }.Concat(upsert ? ["--upsert-by", "reference"] : []))
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["EF_ACCESS_KEY"] = emulator.AccessKey;
            start.Environment["EF_BRAND_ID"] = "42";
            start.Environment["EF_BASE_URL"] = address.ToString();
            start.Environment["EFCRM_CONFIG_DIR"] = work;
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            long peak = 0;
            while (!process.HasExited)
            {
                peak = Math.Max(peak, HighWaterMarkKb(process.Id));
                await Task.Delay(20);
            }

            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                Console.WriteLine(await output + await error);
            }

            var name = upsert ? "create or update" : "create";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}, {rows} rows: peak {peak / 1024.0:0.0} MB, {emulator.EntryCount(1)} entries stored, exit {process.ExitCode}"));
            return (upsert ? "--upsert-by reference" : "create", rows, peak, clock.Elapsed.TotalSeconds, process.ExitCode);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Generate(int rows)
    {
        var csv = new StringBuilder("reference_id,title,email,lead_source,company,deal_value\n");
        for (var i = 1; i <= rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"ref-{i},Lead {i},lead{i}@example.com,Google,\"Company {i}, Inc\",{i}.50\n");
        }

        return csv.ToString();
    }

    private static long HighWaterMarkKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
