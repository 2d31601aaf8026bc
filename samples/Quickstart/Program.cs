using ElasticFunnels.Crm;
using ElasticFunnels.Crm.Testing;
using Quickstart;

// With no settings the quickstart runs against the built-in emulator on loopback; with EF_ACCESS_KEY
// and EF_BRAND_ID (and optionally EF_BASE_URL) it runs against that server.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

var accessKey = Environment.GetEnvironmentVariable("EF_ACCESS_KEY");
try
{
    await using var emulator = string.IsNullOrWhiteSpace(accessKey) ? new CrmEmulator() : null;
    var options = emulator is null
        ? QuickstartSettings.FromEnvironment(accessKey!, Environment.GetEnvironmentVariable("EF_BRAND_ID"), Environment.GetEnvironmentVariable("EF_BASE_URL"))
        : new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = await emulator.StartServerAsync(cancel.Token) };

    Console.WriteLine(emulator is null
        ? $"Connecting to {options.BaseAddress} as brand {options.BrandId}."
        : $"EF_ACCESS_KEY is not set: using the built-in emulator at {options.BaseAddress} (it starts empty every run).");

    using var crm = new ElasticFunnelsCrmClient(options);
    await QuickstartFlow.RunAsync(crm, Console.Out, new QuickstartOptions { PageSize = emulator is null ? 100 : 2 }, cancel.Token);
    return 0;
}
catch (Exception ex) when (ex is CrmException or ArgumentException or InvalidOperationException)
{
    Console.Error.WriteLine($"Quickstart failed: {QuickstartSettings.Redact(ex.Message, accessKey)}");
    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Quickstart cancelled.");
    return 130;
}
