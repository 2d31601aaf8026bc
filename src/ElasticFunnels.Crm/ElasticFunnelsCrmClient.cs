using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Internal;
using ElasticFunnels.Crm.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace ElasticFunnels.Crm;

/// <summary>
/// The ElasticFunnels CRM API for one brand. Thread-safe: create one per brand and keep it for the
/// life of the application. With dependency injection, register it with
/// <c>services.AddElasticFunnelsCrm(...)</c> instead of constructing it.
/// </summary>
/// <example><code>
/// using var crm = new ElasticFunnelsCrmClient(accessKey, brandId: 42);
/// var entities = await crm.Entities.ListAsync();
/// </code></example>
public sealed class ElasticFunnelsCrmClient : IElasticFunnelsCrmClient, IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly ElasticFunnelsCrmOptions _options;

    /// <summary>Creates a client for one brand with the default settings (for scripts and console tools).</summary>
    /// <param name="accessKey">The API key of the brand.</param>
    /// <param name="brandId">The brand (project) id; greater than zero.</param>
    /// <exception cref="ArgumentException">The key is missing or the brand id is not positive.</exception>
    public ElasticFunnelsCrmClient(string accessKey, long brandId)
        : this(new ElasticFunnelsCrmOptions { AccessKey = accessKey, BrandId = brandId })
    {
    }

    /// <summary>Creates a client with the given settings and the SDK's own HTTP stack.</summary>
    /// <param name="options">The settings; validated now and copied, so later changes do not affect this client.</param>
    /// <exception cref="ArgumentException">The settings are invalid; the message lists every problem.</exception>
    public ElasticFunnelsCrmClient(ElasticFunnelsCrmOptions options)
        : this(options, CrmHttpPipeline.CreatePrimaryHandler(), disposeHandler: true)
    {
    }

    /// <summary>
    /// Creates a client that sends its requests through <paramref name="handler"/> (for example the
    /// emulator's in-memory handler, or a handler of your own). The SDK's handlers (resilience, size
    /// cap, access key) still run in front of it.
    /// </summary>
    /// <param name="options">The settings; validated now and copied.</param>
    /// <param name="handler">The innermost handler, which sends the requests.</param>
    /// <param name="disposeHandler">Whether disposing this client disposes <paramref name="handler"/>.</param>
    /// <remarks>
    /// A <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/> at the end of <paramref name="handler"/>'s
    /// chain gets <c>AllowAutoRedirect = false</c> and <c>UseCookies = false</c>: a redirect would carry the
    /// access key to wherever it points.
    /// </remarks>
    /// <exception cref="ArgumentException">The settings are invalid (the message lists every problem), or
    /// <paramref name="handler"/> follows redirects or keeps cookies and has already sent requests, so the SDK
    /// cannot change it: create it with <c>AllowAutoRedirect = false</c> and <c>UseCookies = false</c>.</exception>
    public ElasticFunnelsCrmClient(ElasticFunnelsCrmOptions options, HttpMessageHandler handler, bool disposeHandler = false)
        : this(options, handler, disposeHandler, TimeProvider.System)
    {
    }

    internal ElasticFunnelsCrmClient(ElasticFunnelsCrmOptions options, HttpMessageHandler handler, bool disposeHandler, TimeProvider timeProvider)
        : this(CreateHttpClient(ValidatedCopy(options), handler, disposeHandler, timeProvider, out var copy), copy, ownsHttpClient: true, timeProvider)
    {
    }

    /// <summary>Used by dependency injection: the HTTP client comes from IHttpClientFactory, its handlers configured there.</summary>
    internal ElasticFunnelsCrmClient(HttpClient httpClient, ElasticFunnelsCrmOptions options, bool ownsHttpClient, TimeProvider? timeProvider = null)
    {
        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _options = options;
        BrandId = options.BrandId;

        var key = options.AccessKey ?? string.Empty;
        var errors = new ApiErrorFactory(text => key.Length == 0 ? text : text.Replace(key, "***", StringComparison.Ordinal));
        var settings = CrmHttpPipeline.CreateRefitSettings(errors);
        var invoker = new ApiInvoker(options, errors);

        Presets = new EntityPresetsClient(RestService.ForGenerated<IEntityPresetsApi>(httpClient, CrmJsonContext.Default, settings), invoker, BrandId);
        Entities = new EntitiesClient(RestService.ForGenerated<IEntitiesApi>(httpClient, CrmJsonContext.Default, settings), invoker, BrandId);
        Pipelines = new PipelinesClient(RestService.ForGenerated<IPipelinesApi>(httpClient, CrmJsonContext.Default, settings), invoker, BrandId);
        Stages = new StagesClient(RestService.ForGenerated<IStagesApi>(httpClient, CrmJsonContext.Default, settings), invoker, BrandId);
        Fields = new FieldsClient(RestService.ForGenerated<IFieldsApi>(httpClient, CrmJsonContext.Default, settings), invoker, BrandId);
        Schemas = new EntitySchemasClient(Fields, timeProvider ?? TimeProvider.System, options.SchemaCacheDuration);
        Entries = new EntriesClient(RestService.ForGenerated<IEntriesApi>(httpClient, CrmJsonContext.Default, settings), invoker, BrandId, Schemas, options.ValidateEntryValues) { Fields = Fields };
    }

    /// <inheritdoc />
    public long BrandId { get; }

    /// <inheritdoc />
    public IEntityPresetsClient Presets { get; }

    /// <inheritdoc />
    public IEntitiesClient Entities { get; }

    /// <inheritdoc />
    public IPipelinesClient Pipelines { get; }

    /// <inheritdoc />
    public IStagesClient Stages { get; }

    /// <inheritdoc />
    public IFieldsClient Fields { get; }

    /// <inheritdoc />
    public IEntriesClient Entries { get; }

    /// <inheritdoc />
    public IEntitySchemasClient Schemas { get; }

    /// <summary>Releases the HTTP client this instance created (not one that dependency injection supplied).</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>Describes the client without the access key.</summary>
    /// <returns>For example <c>ElasticFunnelsCrmClient { BrandId = 42, BaseAddress = https://app.elasticfunnels.io/api/ }</c>.</returns>
    public override string ToString() => $"ElasticFunnelsCrmClient {{ BrandId = {BrandId}, BaseAddress = {_options.BaseAddress} }}";

    private static ElasticFunnelsCrmOptions ValidatedCopy(ElasticFunnelsCrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = ElasticFunnelsCrmOptionsValidator.GetFailures(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        var copy = options.Clone();
        copy.BaseAddress = CrmHttpPipeline.NormalizeBaseAddress(options.BaseAddress);
        return copy;
    }

    private static HttpClient CreateHttpClient(ElasticFunnelsCrmOptions options, HttpMessageHandler handler, bool disposeHandler, TimeProvider timeProvider, out ElasticFunnelsCrmOptions used)
    {
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            // As with dependency injection: a handler that has not sent anything yet is made safe
            // (no redirects, no cookies) rather than refused, so new HttpClientHandler() just works.
            PrimaryHandlerRules.Enforce(handler);
        }
        catch (InvalidOperationException ex)
        {
            throw new ArgumentException(ex.Message, nameof(handler), ex);
        }

        used = options;
        return new HttpClient(CrmHttpPipeline.CreateChain(options, handler, timeProvider, NullLogger.Instance), disposeHandler)
        {
            BaseAddress = options.BaseAddress,

            // The SDK's own total timeout (ElasticFunnelsCrmOptions.Timeout) covers the call, body included.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}
