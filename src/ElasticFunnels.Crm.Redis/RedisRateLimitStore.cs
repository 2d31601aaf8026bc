using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace ElasticFunnels.Crm.Redis;

/// <summary>
/// Keeps the request budgets of access keys in Redis, so that every process using the same Redis and the
/// same key shares one budget: one queue pace, one pause after a 429, one adaptive rate. Each operation is
/// one Lua script run atomically on the Redis server, on the server's clock, so processes whose clocks
/// differ still agree.
/// </summary>
/// <remarks>
/// <para>Redis keys are <see cref="RedisRateLimitStoreOptions.KeyPrefix"/> followed by a keyed hash of the
/// budget's id (itself a keyed hash of the API origin and access key): the access key never reaches Redis.</para>
/// <para>When Redis is unreachable or slow, the SDK uses the process's own budget for a few seconds, logs a
/// warning, and then tries Redis again; a call never fails because of Redis.</para>
/// </remarks>
/// <example><code>
/// var redis = await ConnectionMultiplexer.ConnectAsync("localhost:6379");
/// options.RateLimit.UseStore(new RedisRateLimitStore(redis));
/// </code></example>
public sealed class RedisRateLimitStore : CrmRateLimitStore, IDisposable
{
    private static readonly string Script = LoadScript();
    private static readonly byte[] DefaultHashKey = "ElasticFunnels.Crm.Redis budget key v1"u8.ToArray();

    private readonly IConnectionMultiplexer _connection;
    private readonly string _prefix;
    private readonly byte[] _hashKey;
    private readonly long _expiryMilliseconds;
    private readonly bool _ownsConnection;
    private readonly Task _warmUp;

    /// <summary>Creates the store over an open connection; the connection stays the caller's to dispose.</summary>
    /// <param name="connection">The Redis connection, e.g. from <see cref="ConnectionMultiplexer.ConnectAsync(string, TextWriter?)"/>.</param>
    /// <param name="options">Key naming and expiry; null for the defaults.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public RedisRateLimitStore(IConnectionMultiplexer connection, RedisRateLimitStoreOptions? options = null)
        : this(connection, options, ownsConnection: false)
    {
    }

    private RedisRateLimitStore(IConnectionMultiplexer connection, RedisRateLimitStoreOptions? options, bool ownsConnection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new RedisRateLimitStoreOptions();
        if (string.IsNullOrWhiteSpace(options.KeyPrefix))
        {
            throw new ArgumentException("options.KeyPrefix must not be empty.", nameof(options));
        }

        if (options.IdleExpiry < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"options.IdleExpiry must be at least one second (was {options.IdleExpiry}).", nameof(options));
        }

        _connection = connection;
        _prefix = options.KeyPrefix;
        _hashKey = options.KeyHashSecret is { Length: > 0 } secret ? Encoding.UTF8.GetBytes(secret) : DefaultHashKey;
        _expiryMilliseconds = (long)options.IdleExpiry.TotalMilliseconds;
        _ownsConnection = ownsConnection;

        // Loads the script (later calls send its hash, not its text) and runs the command path once, so the
        // first calls of a starting app stay within the SDK's 250 ms store timeout instead of falling back.
        _warmUp = Task.Run(WarmUpAsync);
    }

    /// <summary>
    /// Connects to Redis with timeouts that suit a rate limiter (250 ms to connect and per command, and no
    /// failure when Redis is down at start-up: the SDK then uses the process's budget until Redis answers)
    /// and creates a store that owns the connection.
    /// </summary>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>.</param>
    /// <param name="options">Key naming and expiry; null for the defaults.</param>
    /// <returns>The store; dispose it to close the connection.</returns>
    public static RedisRateLimitStore Connect(string configuration, RedisRateLimitStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        var store = new RedisRateLimitStore(ConnectionMultiplexer.Connect(ConfigurationFor(configuration)), options, ownsConnection: true);
        store._warmUp.Wait(TimeSpan.FromSeconds(1));
        return store;
    }

    /// <summary>Closes the connection when the store opened it (<see cref="Connect"/>); otherwise does nothing.</summary>
    public void Dispose()
    {
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }

    /// <summary>Redis settings for a rate limiter: short timeouts, and start even when Redis is down.</summary>
    /// <param name="configuration">A StackExchange.Redis configuration string.</param>
    /// <returns>The settings.</returns>
    internal static ConfigurationOptions ConfigurationFor(string configuration)
    {
        var settings = ConfigurationOptions.Parse(configuration);
        settings.AbortOnConnectFail = false;
        settings.ConnectTimeout = 250;
        settings.SyncTimeout = 250;
        settings.AsyncTimeout = 250;
        settings.ConnectRetry = 1;
        return settings;
    }

    /// <inheritdoc />
    public override async ValueTask<CrmRateLimitLease> AcquireAsync(string budgetId, CrmRateLimitPolicy policy, TimeSpan maxWait, CrmRateLimitLease? previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var held = previous ?? default;
        var reply = await RunAsync(budgetId, policy, "acquire", CommandFlags.None,
        [
            Micros(maxWait),
            held.Granted ? 1 : 0,
            Micros(held.Wait),
            held.Slot,
            held.Epoch,
        ]).ConfigureAwait(false);
        var values = (RedisResult[])reply!;
        return new CrmRateLimitLease(
            Granted: (long)values[0] == 1,
            Wait: TimeSpan.FromTicks(Math.Max(0, (long)values[1]) * 10),
            Slot: (long)values[2],
            Epoch: (long)values[3]);
    }

    /// <inheritdoc />
    public override async ValueTask ReleaseAsync(string budgetId, CrmRateLimitPolicy policy, CrmRateLimitLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        await RunAsync(budgetId, policy, "release", CommandFlags.None, [lease.Granted ? 1 : 0, Micros(lease.Wait), lease.Slot, lease.Epoch]).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async ValueTask ReportAsync(string budgetId, CrmRateLimitPolicy policy, CrmRateLimitLease lease, bool refused, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);

        // An acceptance only counts towards the next rate estimate: sent without waiting for the reply.
        // A refusal starts the shared pause, which the next acquire must see, so it is awaited.
        await RunAsync(
            budgetId,
            policy,
            "report",
            refused ? CommandFlags.None : CommandFlags.FireAndForget,
            [lease.Epoch, refused ? 1 : 0, retryAfter is { } wait ? Micros(wait) : -1]).ConfigureAwait(false);
    }

    /// <summary>The Redis key of a budget's state: the prefix and a keyed hash of the budget's id.</summary>
    /// <param name="budgetId">The budget's id.</param>
    /// <returns>The key.</returns>
    internal string KeyOf(string budgetId) =>
        _prefix + Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(budgetId)).AsSpan(0, 16));

    private Task<RedisResult> RunAsync(string budgetId, CrmRateLimitPolicy policy, string operation, CommandFlags flags, RedisValue[] arguments)
    {
        var key = KeyOf(budgetId);
        RedisValue[] policyValues =
        [
            operation,
            policy.Mode == CrmRateLimitMode.Fixed ? 1 : 0,
            Micros(policy.FixedInterval),
            Micros(policy.InitialBackoff),
            Micros(policy.MaxBackoff),
            policy.QueueLimit,
            policy.IncreasePerSecond.ToString("R", CultureInfo.InvariantCulture),
            policy.MinIncreasePerSecond.ToString("R", CultureInfo.InvariantCulture),
            policy.MinRate.ToString("R", CultureInfo.InvariantCulture),
        ];
        return _connection.GetDatabase().ScriptEvaluateAsync(
            Script,
            [key, key + ":freed"],
            [.. policyValues, .. arguments, _expiryMilliseconds],
            flags);
    }

    private async Task WarmUpAsync()
    {
        try
        {
            foreach (var endpoint in _connection.GetEndPoints())
            {
                var server = _connection.GetServer(endpoint);
                if (server.IsConnected && !server.IsReplica)
                {
                    await server.ScriptLoadAsync(Script).ConfigureAwait(false);
                }
            }
        }
        catch (RedisException)
        {
            // Redis is down: the first calls fall back to the process's budget, as they would anyway.
        }
    }

    private static long Micros(TimeSpan value) => value.Ticks / 10;

    private static string LoadScript()
    {
        using var stream = typeof(RedisRateLimitStore).Assembly.GetManifestResourceStream("ElasticFunnels.Crm.Redis.Scripts.budget.lua")
            ?? throw new InvalidOperationException("The budget script is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
