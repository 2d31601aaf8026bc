using System.Text.Json;

namespace ElasticFunnels.Crm.Cli.Tests.Support;

/// <summary>An import's results file, read as a test would check it: the last line per row.</summary>
public static class ResultLines
{
    /// <summary>Every complete line; a line cut short by a kill is skipped, as the tool skips it.</summary>
    public static IReadOnlyList<JsonElement> All(string path)
    {
        var lines = new List<JsonElement>();
        foreach (var line in File.ReadAllLines(path).Where(l => l.Length > 0))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                lines.Add(document.RootElement.Clone());
            }
            catch (JsonException)
            {
            }
        }

        return lines;
    }

    /// <summary>Row number → the last line recorded for it.</summary>
    public static IReadOnlyDictionary<int, JsonElement> ByRow(string path)
    {
        var rows = new Dictionary<int, JsonElement>();
        foreach (var line in All(path))
        {
            rows[line.GetProperty("row").GetInt32()] = line;
        }

        return rows;
    }

    public static string Status(this JsonElement line) => line.GetProperty("status").GetString()!;

    public static string? Error(this JsonElement line) => line.GetProperty("error").GetString();
}
