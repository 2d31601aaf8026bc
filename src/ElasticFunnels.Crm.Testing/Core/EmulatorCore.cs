using System.Globalization;

namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// The request pipeline both fronts share: record → count in flight → route → authenticate →
/// rate limit → injected fault → handle under the state lock → delay → answer.
/// </summary>
/// <remarks>
/// The delay comes after the state change, as on a real server whose response is slow to arrive:
/// a client that gives up while waiting has still created or changed the resource. That is the
/// ambiguous failure an SDK must not blindly retry, and tests can observe it.
/// </remarks>
internal sealed class EmulatorCore
{
    private readonly Router router = Router.CreateCrm();
    private readonly TimeProvider timeProvider;
    private readonly AccessKeySet keys;
    private long latencyTicks;

    public EmulatorCore(CrmEmulatorOptions options)
    {
        keys = new AccessKeySet(options);
        AccessKey = options.AccessKey;
        BrandId = options.BrandId;
        RateLimits = new CrmEmulatorRateLimits(keys, options.TimeProvider, options.RateLimit);
        timeProvider = options.TimeProvider;
        SeedLeadsEntity = options.SeedLeadsEntity;
        EmptyValuesFlatAsArray = options.EmptyValuesFlatAsArray;
        Latency = options.Latency;
        Seed();
    }

    public string AccessKey { get; }

    public long BrandId { get; }

    public bool SeedLeadsEntity { get; }

    public bool EmptyValuesFlatAsArray { get; }

    public CrmState State { get; } = new();

    public CrmEmulatorFaults Faults { get; } = new();

    public CrmEmulatorRateLimits RateLimits { get; }

    public RequestRecorder Recorder { get; } = new();

    public ConcurrencyGauge Gauge { get; } = new();

    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            Interlocked.Exchange(ref latencyTicks, value.Ticks);
        }
    }

    public async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        Recorder.Record(request);
        Gauge.Enter();
        try
        {
            var (response, extraDelay) = Process(request);
            var delay = Latency + extraDelay;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }
        finally
        {
            Gauge.Exit();
        }
    }

    /// <summary>Clears data (re-seeding when configured); faults, records and measurements are cleared by the caller.</summary>
    public void ResetState()
    {
        lock (State.Sync)
        {
            State.Clear();
            Seed();
        }
    }

    private void Seed()
    {
        if (!SeedLeadsEntity)
        {
            return;
        }

        lock (State.Sync)
        {
            var now = timeProvider.GetUtcNow();
            var preset = PresetCatalog.Find("leads")!;
            var entity = new EntityRecord
            {
                Id = State.NextEntityId(),
                Name = preset.Label,
                Slug = preset.Key,
                SingularName = preset.SingularName,
                PluralName = preset.PluralName,
                Icon = preset.Icon,
                Color = preset.Color,
                Mode = EntityModes.Crm,
                CreatedAt = now,
                UpdatedAt = now,
            };
            State.Entities.Add(entity.Id, entity);
            PresetCatalog.Apply(State, entity, preset, now);
        }
    }

    private (EmulatorResponse Response, TimeSpan Delay) Process(EmulatorRequest request)
    {
        // Laravel resolves the route before running the auth middleware, so unknown paths are 404 for everyone.
        if (!TryParseCrmPath(request.Path, out var brand, out var segments)
            || router.Match(request.Method, segments, out var routeValues) is not { } route)
        {
            return (EmulatorResponse.NotFound(), TimeSpan.Zero);
        }

        if (Authenticate(request, brand, out var keyIndex) is { } denied)
        {
            return (denied, TimeSpan.Zero);
        }

        // Refused before faults and state: a 429 from the limit changes nothing and consumes no queued fault.
        if (RateLimits.Admit(keyIndex) is { } limited)
        {
            return (limited, TimeSpan.Zero);
        }

        var (failure, delay) = Faults.Take();
        if (failure is { Drop: DropMode.BeforeProcessing })
        {
            return (EmulatorResponse.Dropped, delay);
        }

        if (failure is { Drop: DropMode.None })
        {
            return (FaultResponses.Create(failure), delay);
        }

        var body = JsonText.ParseBody(request.Body, out var bodyError);
        if (body is null)
        {
            return (EmulatorResponse.Message(400, bodyError!), delay);
        }

        lock (State.Sync)
        {
            var context = new RouteContext
            {
                State = State,
                BrandId = BrandId,
                Now = timeProvider.GetUtcNow(),
                RouteValues = routeValues,
                Query = ParseQuery(request.Query),
                Body = body,
                EmptyValuesFlatAsArray = EmptyValuesFlatAsArray,
            };
            var handled = route.Handler(context);
            return (failure is { Drop: DropMode.AfterProcessing } ? EmulatorResponse.Dropped : handled, delay);
        }
    }

    private EmulatorResponse? Authenticate(EmulatorRequest request, string brand, out int keyIndex)
    {
        keyIndex = -1;

        // The vendor documents 404 (not 401) for API calls without a key.
        if (!request.Headers.TryGetValue(RequestRecorder.AccessKeyHeader, out var key) || string.IsNullOrWhiteSpace(key))
        {
            return EmulatorResponse.NotFound();
        }

        if (!keys.TryFind(key.Trim(), out keyIndex))
        {
            return EmulatorResponse.Message(401, "Invalid API key");
        }

        if (!long.TryParse(brand, NumberStyles.None, CultureInfo.InvariantCulture, out var brandId) || brandId != BrandId)
        {
            return EmulatorResponse.Message(401, "Invalid API key or brand access denied");
        }

        return null;
    }

    /// <summary>Splits <c>/api/brands/{brand}/crm/...</c>; segments are unescaped one by one so an escaped '/' stays inside its segment.</summary>
    private static bool TryParseCrmPath(string path, out string brand, out string[] segments)
    {
        brand = string.Empty;
        segments = [];
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 5 || parts[0] != "api" || parts[1] != "brands" || parts[3] != "crm"
            || parts[2].Length is 0 or > 18 || !parts[2].All(char.IsAsciiDigit))
        {
            return false;
        }

        brand = parts[2];
        segments = [.. parts.Skip(4).Select(Uri.UnescapeDataString)];
        return true;
    }

    /// <summary>Form-style query decoding; a repeated key keeps its last value, as PHP does.</summary>
    private static Dictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var key = separator < 0 ? pair : pair[..separator];
            var value = separator < 0 ? string.Empty : pair[(separator + 1)..];
            values[Decode(key)] = Decode(value);
        }

        return values;

        static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }
}
