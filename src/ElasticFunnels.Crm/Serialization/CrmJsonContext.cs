using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm.Serialization;

/// <summary>
/// The one source-generated System.Text.Json context for everything the SDK sends and reads.
/// Snake_case on the wire; numbers may arrive as strings; nulls are not written, so an update
/// request only carries what the caller set.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters =
    [
        typeof(TimestampJsonConverter),
        typeof(EnvelopeJsonConverter<EntityPreset>),
        typeof(EnvelopeJsonConverter<CrmEntity>),
        typeof(EnvelopeJsonConverter<Pipeline>),
        typeof(EnvelopeJsonConverter<Stage>),
        typeof(EnvelopeJsonConverter<CustomField>),
        typeof(EnvelopeJsonConverter<Entry>),
        typeof(ListEnvelopeJsonConverter<EntityPreset>),
        typeof(ListEnvelopeJsonConverter<CrmEntity>),
        typeof(ListEnvelopeJsonConverter<Pipeline>),
        typeof(ListEnvelopeJsonConverter<Stage>),
        typeof(ListEnvelopeJsonConverter<CustomField>),
    ])]
[JsonSerializable(typeof(Envelope<EntityPreset>))]
[JsonSerializable(typeof(Envelope<CrmEntity>))]
[JsonSerializable(typeof(Envelope<Pipeline>))]
[JsonSerializable(typeof(Envelope<Stage>))]
[JsonSerializable(typeof(Envelope<CustomField>))]
[JsonSerializable(typeof(Envelope<Entry>))]
[JsonSerializable(typeof(ListEnvelope<EntityPreset>))]
[JsonSerializable(typeof(ListEnvelope<CrmEntity>))]
[JsonSerializable(typeof(ListEnvelope<Pipeline>))]
[JsonSerializable(typeof(ListEnvelope<Stage>))]
[JsonSerializable(typeof(ListEnvelope<CustomField>))]
[JsonSerializable(typeof(EntryPage))]
[JsonSerializable(typeof(EntityCreateRequest))]
[JsonSerializable(typeof(EntityUpdateRequest))]
[JsonSerializable(typeof(PipelineCreateRequest))]
[JsonSerializable(typeof(PipelineUpdateRequest))]
[JsonSerializable(typeof(StageCreateRequest))]
[JsonSerializable(typeof(StageUpdateRequest))]
[JsonSerializable(typeof(StageReorderRequest))]
[JsonSerializable(typeof(FieldCreateRequest))]
[JsonSerializable(typeof(FieldUpdateRequest))]
[JsonSerializable(typeof(EntryCreateRequest))]
[JsonSerializable(typeof(EntryUpdateRequest))]
[JsonSerializable(typeof(EntryStageRequest))]
[JsonSerializable(typeof(ApiErrorBody))]
[JsonSerializable(typeof(ConversionWebhookPayload))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
internal sealed partial class CrmJsonContext : JsonSerializerContext;
