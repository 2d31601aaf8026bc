using System.Diagnostics;
using System.Globalization;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>
/// <c>export-memory</c>: exports 10,000 and 100,000 generated entries, each in a fresh child process,
/// and compares their peak memory.
/// </summary>
/// <remarks>
/// Three numbers per run, because "memory" means different things:
/// <list type="bullet">
/// <item><b>Peak live managed heap</b> (the one the claim is about): before each page is served, a full
/// blocking GC runs and <see cref="GC.GetTotalMemory(bool)"/> reads what is still reachable, i.e. what the
/// export holds between pages (the current page, the dedupe window, writer buffers). Garbage that a GC
/// would free does not count, so the number does not depend on when the GC happens to run.</item>
/// <item><b>Peak managed heap incl. garbage</b>: <see cref="GC.GetTotalMemory(bool)"/> without a collection,
/// sampled every millisecond on another thread. It depends on the gen0 budget, but shows the
/// allocation rate does not pile up.</item>
/// <item><b>Peak working set</b> (<see cref="Process.PeakWorkingSet64"/>): what the OS saw for the whole
/// process, runtime and JIT included. Each size runs in its own process so the high-water mark of one
/// cannot hide the other.</item>
/// </list>
/// A warm-up export of 1,000 entries runs first in each process, so one-time costs (JIT, serializer
/// metadata, the HTTP pipeline) are in both baselines.
/// </remarks>
public static class ExportMemoryHarness
{
    public static async Task<int> RunAsync(string format)
    {
        Console.WriteLine($"Export ({format}) of generated entries through the real client and an in-memory handler; each size in a fresh process.");
        var results = new List<Measurement>();
        foreach (var total in new[] { 10_000, 100_000 })
        {
            results.Add(RunChild(total, format));
        }

        Console.WriteLine();
        Console.WriteLine($"{"entries",10} {"rows",10} {"pages",6} {"output MB",10} {"live heap peak KB",18} {"heap incl. garbage peak KB",27} {"peak working set MB",20} {"seconds",8}");
        foreach (var m in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Total,10} {m.Rows,10} {m.Pages,6} {m.Bytes / 1048576.0,10:0.0} {m.PeakLive / 1024.0,18:0} {m.PeakHeap / 1024.0,27:0} {m.PeakWorkingSet / 1048576.0,20:0.0} {m.Seconds,8:0.00}"));
        }

        var (small, large) = (results[0], results[1]);
        var liveRatio = (double)large.PeakLive / small.PeakLive;
        var heapRatio = (double)large.PeakHeap / small.PeakHeap;
        var wsRatio = (double)large.PeakWorkingSet / small.PeakWorkingSet;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"100k/10k ratios: live heap {liveRatio:0.000}, heap incl. garbage {heapRatio:0.000}, working set {wsRatio:0.000} (target: within 1.2)"));
        return liveRatio <= 1.2 ? 0 : 1;
    }

    /// <summary>The child: one measured export, printed as one line the parent reads.</summary>
    public static async Task<int> RunOneAsync(int total, string format)
    {
        await ExportRun.RunAsync(1_000, format);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();

        long peakLive = 0;
        long peakHeap = 0;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var now = GC.GetTotalMemory(forceFullCollection: false);
                if (now > Interlocked.Read(ref peakHeap))
                {
                    Interlocked.Exchange(ref peakHeap, now);
                }

                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        sampler.Start();

        var watch = Stopwatch.StartNew();
        var (rows, bytes, pages) = await ExportRun.RunAsync(total, format, () =>
        {
            var live = GC.GetTotalMemory(forceFullCollection: true);
            if (live > peakLive)
            {
                peakLive = live;
            }
        });
        watch.Stop();
        await stop.CancelAsync();
        sampler.Join();

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {total} {rows} {pages} {bytes} {peakLive} {Interlocked.Read(ref peakHeap)} {self.PeakWorkingSet64} {watch.Elapsed.TotalSeconds}"));
        return rows == total ? 0 : 2;
    }

    private static Measurement RunChild(int total, string format)
    {
        var start = BenchmarksApp.StartInfo(["export-memory-one", total.ToString(CultureInfo.InvariantCulture), format]);
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var line = output.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal)).Split(' ');
        Console.WriteLine($"  {total} entries: done (exit {child.ExitCode})");
        return new Measurement(
            int.Parse(line[1], CultureInfo.InvariantCulture),
            long.Parse(line[2], CultureInfo.InvariantCulture),
            int.Parse(line[3], CultureInfo.InvariantCulture),
            long.Parse(line[4], CultureInfo.InvariantCulture),
            long.Parse(line[5], CultureInfo.InvariantCulture),
            long.Parse(line[6], CultureInfo.InvariantCulture),
            long.Parse(line[7], CultureInfo.InvariantCulture),
            double.Parse(line[8], CultureInfo.InvariantCulture));
    }

    private sealed record Measurement(int Total, long Rows, int Pages, long Bytes, long PeakLive, long PeakHeap, long PeakWorkingSet, double Seconds);
}
