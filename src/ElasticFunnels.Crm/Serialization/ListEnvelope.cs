namespace ElasticFunnels.Crm.Serialization;

/// <summary>
/// A list that the API may answer as a bare array or wrapped (<c>{"data":[...]}</c>,
/// <c>{"presets":[...]}</c>). Only the Refit interfaces see this type.
/// </summary>
internal readonly record struct ListEnvelope<T>(IReadOnlyList<T>? Items) where T : class;
