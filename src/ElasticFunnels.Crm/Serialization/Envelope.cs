namespace ElasticFunnels.Crm.Serialization;

/// <summary>
/// A single object that the API may answer bare (<c>{"id":1,...}</c>) or wrapped
/// (<c>{"entity":{...}}</c>, <c>{"data":{...}}</c>). Read by the SDK from the response body; never part of the public API.
/// </summary>
internal readonly record struct Envelope<T>(T? Value) where T : class;
