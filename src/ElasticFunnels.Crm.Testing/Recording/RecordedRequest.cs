namespace ElasticFunnels.Crm.Testing;

/// <summary>A request as the emulator received it, kept for assertions.</summary>
/// <param name="Method">Upper-case HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The path as sent, still percent-encoded, e.g. <c>/api/brands/42/crm/entities</c>.</param>
/// <param name="Query">The raw query string without the leading '?', or empty.</param>
/// <param name="Headers">
/// Request and content headers (names compare case-insensitively; repeated values joined with ", ").
/// The <c>EF-Access-Key</c> value is replaced by <c>***</c> so recordings can be logged safely.
/// </param>
/// <param name="Body">The body as UTF-8 text, or null when there was none.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body);
