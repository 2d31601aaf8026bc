namespace ElasticFunnels.Crm.Serialization;

/// <summary>
/// A single object that the API may answer bare (<c>{"id":1,...}</c>) or wrapped
/// (<c>{"entity":{...}}</c>, <c>{"data":{...}}</c>). Only the Refit interfaces see this type.
/// </summary>
internal readonly record struct Envelope<T>(T? Value) where T : class;
