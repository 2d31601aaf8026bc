using System.Text.Json;

namespace ElasticFunnels.Crm.Cli.Import;

/// <summary>
/// One data row of an import file: its 1-based number among the data rows (what the results file and
/// <c>--resume</c> count by), the line it starts on, and its content (CSV cells or one JSON object).
/// </summary>
internal sealed record ImportRecord(int Row, int Line, IReadOnlyList<string>? Cells, JsonElement? Json, string? Problem);
