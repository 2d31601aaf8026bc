using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// Kestrel on 127.0.0.1 (with an OS-chosen port unless one is configured), for clients that need a real socket (another process,
/// curl, a handler pipeline that must own its transport). One request delegate feeds the shared core.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The API base address, e.g. <c>http://127.0.0.1:54321/api/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <param name="core">The emulator the server fronts.</param>
    /// <param name="port">The port on 127.0.0.1; 0 lets the operating system pick a free one.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    public static async Task<LoopbackServer> StartAsync(EmulatorCore core, int port, CancellationToken cancellationToken)
    {
        // The empty builder reads no configuration files or environment, so the host machine cannot change the binding.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));

        var app = builder.Build();
        app.Run(context => HandleAsync(core, context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackServer(app, new Uri(new Uri(address), "/api/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task HandleAsync(EmulatorCore core, HttpContext context)
    {
        var (path, query) = SplitTarget(context);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name] = string.Join(", ", values.ToArray());
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var request = new EmulatorRequest(context.Request.Method.ToUpperInvariant(), path, query, headers, buffer.ToArray());

        EmulatorResponse response;
        try
        {
            response = await core.HandleAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (response.IsDropped)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        if (response.ContentType is { } contentType)
        {
            context.Response.ContentType = contentType;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentLength = response.Body.Length;
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Uses the raw request target so the path reaches the core still escaped, exactly as the in-memory front sees it.</summary>
    private static (string Path, string Query) SplitTarget(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || !target.StartsWith('/'))
        {
            var query = context.Request.QueryString.Value ?? string.Empty;
            return (context.Request.PathBase.Add(context.Request.Path).ToUriComponent(), query.TrimStart('?'));
        }

        var mark = target.IndexOf('?', StringComparison.Ordinal);
        return mark < 0 ? (target, string.Empty) : (target[..mark], target[(mark + 1)..]);
    }
}
