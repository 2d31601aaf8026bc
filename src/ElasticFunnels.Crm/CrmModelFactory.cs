using System.Net;
using System.Text.Json;

namespace ElasticFunnels.Crm;

/// <summary>
/// Creates the SDK's response models for tests and mocks: response models are read-only to users,
/// so a fake <see cref="IElasticFunnelsCrmClient"/> builds what it returns here (the Azure SDK pattern).
/// Every parameter is optional; what is left out has the value the API's absence of it would give.
/// It also creates the exceptions the SDK throws for the API's error answers (<see cref="CrmApiException(System.Net.HttpStatusCode, string?, IReadOnlyDictionary{string, IReadOnlyList{string}}?, string?, TimeSpan?, string, string, string?, IReadOnlyDictionary{string, string}?, int, TimeSpan)"/>
/// and one method per type), so a test can make a mock throw what the SDK would.
/// </summary>
public static partial class CrmModelFactory
{
    /// <summary>Creates an <see cref="ElasticFunnels.Crm.EntityPreset"/>.</summary>
    /// <param name="key">The preset key, e.g. <c>leads</c>.</param>
    /// <param name="label">The label.</param>
    /// <param name="description">The description.</param>
    /// <returns>The preset.</returns>
    public static EntityPreset EntityPreset(string key, string? label = null, string? description = null) =>
        new() { Key = key, Label = label, Description = description };

    /// <summary>Creates a <see cref="ElasticFunnels.Crm.CrmEntity"/>.</summary>
    /// <param name="id">The entity id.</param>
    /// <param name="name">The display name.</param>
    /// <param name="slug">The slug.</param>
    /// <param name="mode">The mode; <see cref="EntityMode.Crm"/> when null.</param>
    /// <param name="pipelines">The pipelines with their stages.</param>
    /// <param name="fields">The custom fields.</param>
    /// <param name="brandId">The brand id.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <returns>The entity.</returns>
    public static CrmEntity CrmEntity(
        long id,
        string name,
        string? slug = null,
        EntityMode? mode = null,
        IEnumerable<Pipeline>? pipelines = null,
        IEnumerable<CustomField>? fields = null,
        long? brandId = null,
        DateTimeOffset? createdAt = null)
    {
        var entity = new CrmEntity
        {
            Id = id,
            Name = name,
            Slug = slug,
            Pipelines = pipelines?.ToArray() ?? [],
            Fields = fields?.ToArray() ?? [],
            BrandId = brandId,
            CreatedAt = createdAt,
        };
        if (mode is { } value)
        {
            entity.Mode = value;
        }

        return entity;
    }

    /// <summary>Creates a <see cref="ElasticFunnels.Crm.Pipeline"/>.</summary>
    /// <param name="id">The pipeline id.</param>
    /// <param name="name">The name.</param>
    /// <param name="stages">The stages in order.</param>
    /// <param name="crmEntityId">The entity it belongs to.</param>
    /// <returns>The pipeline.</returns>
    public static Pipeline Pipeline(long id, string name, IEnumerable<Stage>? stages = null, long? crmEntityId = null) =>
        new() { Id = id, Name = name, Stages = stages?.ToArray() ?? [], CrmEntityId = crmEntityId };

    /// <summary>Creates a <see cref="ElasticFunnels.Crm.Stage"/>.</summary>
    /// <param name="id">The stage id.</param>
    /// <param name="name">The name.</param>
    /// <param name="position">The 0-based position.</param>
    /// <param name="pipelineId">The pipeline it belongs to.</param>
    /// <param name="color">The color.</param>
    /// <param name="status">The semantic status.</param>
    /// <returns>The stage.</returns>
    public static Stage Stage(long id, string name, int? position = null, long? pipelineId = null, string? color = null, StageStatus? status = null) =>
        new() { Id = id, Name = name, Position = position, PipelineId = pipelineId, Color = color, Status = status };

    /// <summary>Creates a <see cref="ElasticFunnels.Crm.CustomField"/>.</summary>
    /// <param name="id">The field id.</param>
    /// <param name="key">The key used in entry values.</param>
    /// <param name="type">The field type.</param>
    /// <param name="name">The label; the key when null.</param>
    /// <param name="options">The allowed values of a select or multi-select field.</param>
    /// <param name="required">Whether a value is required on create.</param>
    /// <param name="crmEntityId">The entity it belongs to.</param>
    /// <returns>The field.</returns>
    public static CustomField CustomField(
        long id,
        string key,
        FieldType type,
        string? name = null,
        IEnumerable<string>? options = null,
        bool required = false,
        long? crmEntityId = null) =>
        new()
        {
            Id = id,
            Key = key,
            Type = type,
            Name = name ?? key,
            Options = options?.Select(o => new FieldOption(o, o)).ToArray() ?? [],
            Required = required,
            CrmEntityId = crmEntityId,
        };

    /// <summary>Creates an <see cref="ElasticFunnels.Crm.Entry"/>.</summary>
    /// <param name="id">The entry id.</param>
    /// <param name="title">The title.</param>
    /// <param name="pipelineId">The pipeline.</param>
    /// <param name="stageId">The stage.</param>
    /// <param name="values">The custom field values (the flat shape).</param>
    /// <param name="referenceType">The reference type.</param>
    /// <param name="referenceId">The reference id.</param>
    /// <param name="crmEntityId">The entity it belongs to.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <param name="updatedAt">When it was last updated.</param>
    /// <returns>The entry.</returns>
    public static Entry Entry(
        string id,
        string? title = null,
        long? pipelineId = null,
        long? stageId = null,
        IEnumerable<KeyValuePair<string, FieldValue>>? values = null,
        string? referenceType = null,
        string? referenceId = null,
        long? crmEntityId = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null)
    {
        var view = EntryValues.Empty;
        if (values is not null)
        {
            var builder = new FieldValues();
            foreach (var (key, value) in values)
            {
                builder.Set(key, value);
            }

            using var document = JsonDocument.Parse(builder.ToJsonString());
            view = EntryValues.FromJson(document.RootElement);
        }

        return new Entry
        {
            Id = id,
            Title = title,
            PipelineId = pipelineId,
            StageId = stageId,
            Values = view,
            ReferenceType = referenceType,
            ReferenceId = referenceId,
            CrmEntityId = crmEntityId,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
    }

    /// <summary>Creates the raw response of a call, for mocking the <c>...WithResponseAsync</c> methods.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="headers">The response headers; none when null.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="attempts">How many attempts the call took.</param>
    /// <param name="duration">How long the call took.</param>
    /// <returns>The raw response.</returns>
    public static CrmResponse Response(
        HttpStatusCode statusCode = HttpStatusCode.OK,
        IReadOnlyDictionary<string, string>? headers = null,
        string method = "GET",
        string path = "/",
        int attempts = 1,
        TimeSpan duration = default) =>
        new(statusCode, CopyHeaders(headers), method, path, attempts, duration);

    /// <summary>Creates a value with its raw response, for mocking the <c>...WithResponseAsync</c> methods.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="statusCode">The status code.</param>
    /// <param name="headers">The response headers (for example <c>X-Request-Id</c>); none when null.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="attempts">How many attempts the call took.</param>
    /// <param name="duration">How long the call took.</param>
    /// <returns>The value with its raw response.</returns>
    public static CrmResponse<T> Response<T>(
        T value,
        HttpStatusCode statusCode = HttpStatusCode.OK,
        IReadOnlyDictionary<string, string>? headers = null,
        string method = "GET",
        string path = "/",
        int attempts = 1,
        TimeSpan duration = default) =>
        new(value, statusCode, CopyHeaders(headers), method, path, attempts, duration);

    private static Dictionary<string, string>? CopyHeaders(IReadOnlyDictionary<string, string>? headers) =>
        headers is null ? null : new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
}
