using System.Diagnostics;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace ElasticFunnels.Crm.Tests.Readme;

public sealed class TelemetrySnippets
{
    [Fact]
    public async Task OpenTelemetry_ExportsOneSpanPerCall()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entity-presets", json: CrmStub.Fixture("presets/list.json"));
        var exported = new List<Activity>();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddElasticFunnelsCrm(o =>
        {
            o.AccessKey = CrmStub.AccessKey;
            o.BrandId = 42;
            o.BaseAddress = new Uri(stub.Server.Url! + "/api/");
        });

        #region OpenTelemetry
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(ElasticFunnelsCrmTelemetry.ActivitySourceName))
            .WithMetrics(metrics => metrics.AddMeter(ElasticFunnelsCrmTelemetry.MeterName));

        // Debug request logs: "Logging": { "LogLevel": { "ElasticFunnels.Crm": "Debug" } }
        #endregion

        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exported));
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);

        await host.Services.GetRequiredService<IElasticFunnelsCrmClient>().Presets.ListAsync(TestContext.Current.CancellationToken);
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.Contains(exported, a => a.DisplayName == "Presets.List" && a.GetTagItem("server.port") is int port && port == new Uri(stub.Server.Url!).Port);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
