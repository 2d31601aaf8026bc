namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// A stateful, thread-safe, in-memory emulator of the ElasticFunnels CRM API
/// (<c>/api/brands/{brand}/crm/...</c>), for testing clients without the real service.
/// Reach it in memory through <see cref="CreateHandler"/>, or over loopback HTTP through
/// <see cref="StartServerAsync"/>; both fronts share one state and behave identically.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = new CrmEmulator();
/// using var http = new HttpClient(emulator.CreateHandler()) { BaseAddress = emulator.BaseAddress };
/// http.DefaultRequestHeaders.Add("EF-Access-Key", emulator.AccessKey);
/// var presets = await http.GetStringAsync($"brands/{emulator.BrandId}/crm/entity-presets");
/// </code>
/// </example>
public sealed class CrmEmulator : IAsyncDisposable, IDisposable
{
    private static long instances;

    private readonly EmulatorCore core;
    private readonly TimeSpan initialLatency;
    private readonly int serverPort;
    private readonly SemaphoreSlim serverGate = new(1, 1);
    private LoopbackServer? server;
    private bool disposed;

    /// <summary>Creates an emulator with the default key (<c>ef_test_key</c>) and brand (42).</summary>
    public CrmEmulator()
        : this(new CrmEmulatorOptions())
    {
    }

    /// <summary>Creates an emulator with the given settings.</summary>
    /// <param name="options">Keys, brand, clock, latency, rate limit, server port and seeding.</param>
    /// <exception cref="ArgumentException">A setting is out of range, or an access key is empty or repeated.</exception>
    public CrmEmulator(CrmEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AccessKey, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BrandId, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Latency, TimeSpan.Zero, nameof(options));
        if (options.ServerPort is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ServerPort, "CrmEmulatorOptions.ServerPort must be 0 (any free port) to 65535.");
        }

        initialLatency = options.Latency;
        serverPort = options.ServerPort;
        core = new EmulatorCore(options);
    }

    /// <summary>
    /// The base address for clients over <see cref="CreateHandler"/>: <c>https://emulator-{n}.crm.invalid/api/</c>,
    /// a different host for each emulator. The handler ignores the host, but a client does not: the SDK keeps one
    /// request budget per API origin and access key, so emulators with different hosts never share a budget (a 429
    /// one test provokes cannot pause another test's emulator). The reserved <c>.invalid</c> name fails fast should
    /// a real network handler ever be given it.
    /// </summary>
    public Uri BaseAddress { get; } = new($"https://emulator-{Interlocked.Increment(ref instances)}.crm.invalid/api/");

    /// <summary>The main accepted <c>EF-Access-Key</c> value (<see cref="CrmEmulatorOptions.AccessKey"/>).</summary>
    public string AccessKey => core.AccessKey;

    /// <summary>The brand id the key gives access to.</summary>
    public long BrandId => core.BrandId;

    /// <summary>The loopback server's API base address (e.g. <c>http://127.0.0.1:54321/api/</c>), or null before <see cref="StartServerAsync"/>.</summary>
    public Uri? ServerAddress => server?.BaseAddress;

    /// <summary>Fault injection: failures and extra delays for the next requests.</summary>
    public CrmEmulatorFaults Faults => core.Faults;

    /// <summary>The rate limit per access key (changeable while running) and the counts of requests it accepted and refused.</summary>
    public CrmEmulatorRateLimits RateLimits => core.RateLimits;

    /// <summary>
    /// Delay added before every response, after the request has been processed; it honours the
    /// request's cancellation. Measured on <see cref="CrmEmulatorOptions.TimeProvider"/>.
    /// </summary>
    public TimeSpan Latency
    {
        get => core.Latency;
        set => core.Latency = value;
    }

    /// <summary>Every request received on either front, in arrival order (a snapshot), with the access key redacted.</summary>
    public IReadOnlyList<RecordedRequest> Requests => core.Recorder.Snapshot();

    /// <summary>The highest number of requests in flight at the same moment since construction or the last <see cref="Reset"/>.</summary>
    public int MaxConcurrentRequests => core.Gauge.Max;

    /// <summary>
    /// Returns a new in-memory handler over this emulator's state: no sockets, the URI host is ignored.
    /// The caller owns (and disposes) the handler; it works for as long as the emulator exists.
    /// </summary>
    /// <returns>A handler to pass to <see cref="HttpClient"/> or to put at the end of a handler pipeline.</returns>
    public HttpMessageHandler CreateHandler() => new InMemoryHandler(core);

    /// <summary>
    /// Returns an <see cref="HttpClient"/> over a new in-memory handler, with <see cref="BaseAddress"/>
    /// and the <c>EF-Access-Key</c> header already set; the caller disposes it.
    /// </summary>
    /// <returns>A ready-to-use client; relative paths look like <c>brands/42/crm/entities</c>.</returns>
    public HttpClient CreateClient() => CreateClient(AccessKey);

    /// <summary>
    /// Like <see cref="CreateClient()"/>, sending <paramref name="accessKey"/> as <c>EF-Access-Key</c>: one of
    /// <see cref="CrmEmulatorOptions.AdditionalAccessKeys"/>, or any other value to see how the emulator
    /// refuses it.
    /// </summary>
    /// <param name="accessKey">The key the client sends.</param>
    /// <returns>A ready-to-use client; the caller disposes it.</returns>
    /// <exception cref="ArgumentException"><paramref name="accessKey"/> is null, empty or whitespace.</exception>
    public HttpClient CreateClient(string accessKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKey);
        var client = new HttpClient(CreateHandler(), disposeHandler: true) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add(RequestRecorder.AccessKeyHeader, accessKey);
        return client;
    }

    /// <summary>
    /// Starts a loopback HTTP server on 127.0.0.1, on <see cref="CrmEmulatorOptions.ServerPort"/> or a free
    /// port, usable from other processes too: they share this emulator's state and rate-limit budgets.
    /// Calling it again returns the running server's address. Disposing the emulator stops it.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The API base address, e.g. <c>http://127.0.0.1:54321/api/</c>.</returns>
    public async Task<Uri> StartServerAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await serverGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            server ??= await LoopbackServer.StartAsync(core, serverPort, cancellationToken).ConfigureAwait(false);
            return server.BaseAddress;
        }
        finally
        {
            serverGate.Release();
        }
    }

    /// <summary>
    /// Clears all data (re-seeding the leads entity when configured, with ids restarting at 1), queued
    /// faults, recorded requests, the concurrency peak, rate-limit windows and counts, and restores the
    /// configured latency and rate limit.
    /// </summary>
    public void Reset()
    {
        core.ResetState();
        core.Faults.Clear();
        core.RateLimits.Reset();
        core.Recorder.Clear();
        core.Gauge.ResetMax();
        core.Latency = initialLatency;
    }

    /// <summary>Number of entries stored in an entity; 0 when the entity does not exist.</summary>
    /// <param name="entityId">The entity's id.</param>
    /// <returns>The entry count.</returns>
    public int EntryCount(long entityId)
    {
        lock (core.State.Sync)
        {
            return core.State.EntryCount(entityId);
        }
    }

    /// <summary>Stops the loopback server, if started.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await serverGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
                server = null;
            }
        }
        finally
        {
            serverGate.Release();
        }
    }

    /// <summary>Stops the loopback server, if started, blocking until it has stopped.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
