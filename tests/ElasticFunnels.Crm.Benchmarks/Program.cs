using System.Globalization;
using BenchmarkDotNet.Running;
using ElasticFunnels.Crm.Benchmarks;

// dotnet run -c Release --project tests/ElasticFunnels.Crm.Benchmarks -- export-memory [csv|jsonl]
// dotnet run -c Release --project tests/ElasticFunnels.Crm.Benchmarks -- import-memory
// dotnet run -c Release --project tests/ElasticFunnels.Crm.Benchmarks -- sockets [--rounds 4] [--calls 1000]
// dotnet run -c Release --project tests/ElasticFunnels.Crm.Benchmarks -- rate-limits [--rate 50] [--creates 1000] [--in-flight 16] [--processes 4] [--only one|many] [--redis host:port]
// dotnet run -c Release --project tests/ElasticFunnels.Crm.Benchmarks -- --filter '*'   (BenchmarkDotNet)
return args switch
{
    ["export-memory", ..] => await ExportMemoryHarness.RunAsync(args.Length > 1 ? args[1] : "csv"),
    ["import-memory"] => await ImportMemoryHarness.RunAsync(),
    ["export-memory-one", var total, var format] => await ExportMemoryHarness.RunOneAsync(int.Parse(total, CultureInfo.InvariantCulture), format),
    ["emulator", .. var rest] => await EmulatorCommand.RunAsync(rest),
    ["sockets", .. var rest] => await SocketHarness.RunAsync(rest),
    ["rate-limits", .. var rest] => await RateLimitHarness.RunAsync(rest),
    ["rate-limits-worker", .. var rest] => await RateLimitHarness.RunWorkerAsync(rest),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ExportBenchmarks).Assembly).Run(args);
    return 0;
}
