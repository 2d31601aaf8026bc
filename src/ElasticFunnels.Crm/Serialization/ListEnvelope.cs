namespace ElasticFunnels.Crm.Serialization;

/// <summary>
/// A list that the API may answer as a bare array or wrapped (<c>{"data":[...]}</c>,
/// <c>{"presets":[...]}</c>). Read by the SDK from the response body; never part of the public API.
/// </summary>
internal readonly record struct ListEnvelope<T>(IReadOnlyList<T>? Items) where T : class;
