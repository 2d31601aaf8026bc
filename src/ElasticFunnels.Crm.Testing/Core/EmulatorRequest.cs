namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// A transport-neutral request: both the in-memory handler and the loopback server convert to this,
/// so the two fronts cannot drift apart.
/// </summary>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="Path">The path as received, still percent-encoded.</param>
/// <param name="Query">The raw query string without the leading '?', or empty.</param>
/// <param name="Headers">Request and content headers; names compare case-insensitively.</param>
/// <param name="Body">The raw body, empty when there is none.</param>
internal sealed record EmulatorRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body);
