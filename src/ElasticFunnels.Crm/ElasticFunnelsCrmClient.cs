using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Raw;
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
    private readonly CrmClientRuntime _runtime;
    private readonly RawRequests _raw;

    /// <summary>Creates a client for one brand with the default settings (for scripts and console tools).</summary>
    /// <param name="accessKey">The API key of the brand.</param>
    /// <param name="brandId">The brand (project) id; greater than zero.</param>
    /// <exception cref="ArgumentException">The key is missing or cannot be sent in a header, or the brand id is not
    /// positive; <see cref="ArgumentException.ParamName"/> is <c>accessKey</c> or <c>brandId</c>.</exception>
    public ElasticFunnelsCrmClient(string accessKey, long brandId)
        : this(OptionsFor(accessKey, brandId))
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
        : this(CrmClientRuntime.Create(options), handler, disposeHandler)
    {
    }

    internal ElasticFunnelsCrmClient(CrmClientRuntime runtime, HttpMessageHandler handler, bool disposeHandler)
        : this(CrmHttpPipeline.CreateHttpClient(runtime, SafePrimary(handler), disposeHandler), runtime, ownsHttpClient: true)
    {
    }

    /// <summary>The one constructor that wires the resource clients, for every way a client is made.</summary>
    internal ElasticFunnelsCrmClient(HttpClient httpClient, CrmClientRuntime runtime, bool ownsHttpClient)
    {
        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _runtime = runtime;
        var runner = new CrmCallRunner(runtime);
        var settings = CrmHttpPipeline.RefitSettings;

        Presets = new EntityPresetsClient(RestService.ForGenerated<IEntityPresetsApi>(httpClient, settings), runner);
        Entities = new EntitiesClient(RestService.ForGenerated<IEntitiesApi>(httpClient, settings), runner);
        Pipelines = new PipelinesClient(RestService.ForGenerated<IPipelinesApi>(httpClient, settings), runner);
        Stages = new StagesClient(RestService.ForGenerated<IStagesApi>(httpClient, settings), runner);
        var fields = new FieldsClient(RestService.ForGenerated<IFieldsApi>(httpClient, settings), runner);
        Fields = fields;
        Schemas = new EntitySchemasClient(fields, runtime.TimeProvider, runtime.Options.SchemaCacheDuration);
        Entries = new EntriesClient(RestService.ForGenerated<IEntriesApi>(httpClient, settings), runner, fields, Schemas);
        _raw = new RawRequests(RestService.ForGenerated<IRawApi>(httpClient, settings), runner);
    }

    /// <inheritdoc />
    public long BrandId => _runtime.Options.BrandId;

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

    /// <inheritdoc />
    public Task<CrmResponse<JsonElement>> SendAsync(CrmRawRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, (CrmRequestOptions?)null, cancellationToken);

    /// <inheritdoc />
    public Task<CrmResponse<JsonElement>> SendAsync(CrmRawRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _raw.SendAsync(request, ResponseBody.Json, requestOptions, cancellationToken);

    /// <inheritdoc />
    public Task<CrmResponse<T>> SendAsync<T>(CrmRawRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken = default) =>
        SendAsync(request, responseType, null, cancellationToken);

    /// <inheritdoc />
    public Task<CrmResponse<T>> SendAsync<T>(CrmRawRequest request, JsonTypeInfo<T> responseType, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseType);
        return _raw.SendAsync(request, ResponseBody.Of(responseType), requestOptions, cancellationToken);
    }

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
    public override string ToString() => $"ElasticFunnelsCrmClient {{ BrandId = {BrandId}, BaseAddress = {_runtime.Options.BaseAddress} }}";

    /// <summary>The options of the key-and-brand constructor, checked here so that a failure names its parameters.</summary>
    private static ElasticFunnelsCrmOptions OptionsFor(string accessKey, long brandId)
    {
        var options = new ElasticFunnelsCrmOptions { AccessKey = accessKey, BrandId = brandId };
        var problems = ElasticFunnelsCrmOptionsValidator.Check(options);
        if (problems.Count > 0)
        {
            // Only the two parameters can be wrong: every other setting has its default.
            static string Parameter(string property) => property == nameof(ElasticFunnelsCrmOptions.AccessKey) ? nameof(accessKey) : nameof(brandId);
            throw new ArgumentException(OptionsProblem.Describe(problems, Parameter), Parameter(problems[0].Property));
        }

        return options;
    }

    private static HttpMessageHandler SafePrimary(HttpMessageHandler handler)
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

        return handler;
    }
}
