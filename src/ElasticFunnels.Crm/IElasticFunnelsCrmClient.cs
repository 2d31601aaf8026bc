using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ElasticFunnels.Crm;

/// <summary>
/// The ElasticFunnels CRM API for one brand, one client per resource group. Thread-safe; create one
/// per brand and keep it (with dependency injection it is a singleton). Mock this interface in tests,
/// or run the real client against the emulator in <c>ElasticFunnels.Crm.Testing</c>.
/// </summary>
public interface IElasticFunnelsCrmClient
{
    /// <summary>The brand (project) id every request is made for.</summary>
    long BrandId { get; }

    /// <summary>Built-in entity templates.</summary>
    IEntityPresetsClient Presets { get; }

    /// <summary>Entities (Leads, Deals, ...).</summary>
    IEntitiesClient Entities { get; }

    /// <summary>Pipelines of entities.</summary>
    IPipelinesClient Pipelines { get; }

    /// <summary>Stages of pipelines.</summary>
    IStagesClient Stages { get; }

    /// <summary>Custom fields of entities.</summary>
    IFieldsClient Fields { get; }

    /// <summary>Entries (the records).</summary>
    IEntriesClient Entries { get; }

    /// <summary>
    /// The custom fields of entities, cached per client: used to check entry values before they are sent
    /// (see <see cref="ElasticFunnelsCrmOptions.ValidateEntryValues"/>), and to refresh that cache.
    /// </summary>
    IEntitySchemasClient Schemas { get; }

    /// <inheritdoc cref="SendAsync(CrmRawRequest, CrmRequestOptions, CancellationToken)"/>
    Task<CrmResponse<JsonElement>> SendAsync(CrmRawRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a request to an endpoint the SDK does not type yet, through the same pipeline as every typed
    /// call (access key, pinned origin, retries with the same rules for POST, size cap, telemetry, typed
    /// errors), and returns its raw response with the body as JSON.
    /// </summary>
    /// <param name="request">The method, the path below the brand's CRM root, the query and the JSON body.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response; its value is the JSON body, or an undefined element (<see cref="JsonValueKind.Undefined"/>) when the body is empty.</returns>
    /// <exception cref="ArgumentException">The request is invalid (see <see cref="CrmRawRequest"/>); nothing was sent.</exception>
    /// <exception cref="CrmApiException">The API answered with an error (a typed subclass where one applies).</exception>
    Task<CrmResponse<JsonElement>> SendAsync(CrmRawRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="SendAsync{T}(CrmRawRequest, JsonTypeInfo{T}, CrmRequestOptions, CancellationToken)"/>
    Task<CrmResponse<T>> SendAsync<T>(CrmRawRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a request to an endpoint the SDK does not type yet (see <see cref="SendAsync(CrmRawRequest, CancellationToken)"/>)
    /// and reads the body with <paramref name="responseType"/>, a source-generated <see cref="JsonTypeInfo{T}"/> of yours.
    /// </summary>
    /// <typeparam name="T">The type of the body.</typeparam>
    /// <param name="request">The method, the path below the brand's CRM root, the query and the JSON body.</param>
    /// <param name="responseType">How to read the body, e.g. <c>MyJsonContext.Default.Automation</c>.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with its raw response.</returns>
    /// <exception cref="ArgumentException">The request is invalid (see <see cref="CrmRawRequest"/>); nothing was sent.</exception>
    /// <exception cref="CrmResponseFormatException">The body is empty or not JSON of that type.</exception>
    /// <exception cref="CrmApiException">The API answered with an error (a typed subclass where one applies).</exception>
    Task<CrmResponse<T>> SendAsync<T>(CrmRawRequest request, JsonTypeInfo<T> responseType, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);
}
