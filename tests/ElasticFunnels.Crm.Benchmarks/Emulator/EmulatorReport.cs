using System.Text.Json.Nodes;
using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>What an emulator process counted, from the line it prints when it stops.</summary>
/// <param name="Total">Requests accepted and refused with 429, over all keys.</param>
/// <param name="PerKey">The same per key, in the order of <see cref="EmulatorSettings.Keys"/>.</param>
/// <param name="MaxInFlight">The most requests it had in flight at once.</param>
public sealed record EmulatorReport(CrmEmulatorRequestCounts Total, IReadOnlyList<CrmEmulatorRequestCounts> PerKey, int MaxInFlight)
{
    /// <summary>Reads <c>{"event":"stopped","accepted":N,"rejected":N,"perKey":[...],"maxInFlight":N}</c>.</summary>
    /// <exception cref="FormatException">The line is not a stop report.</exception>
    public static EmulatorReport Parse(string line)
    {
        var json = JsonNode.Parse(line) as JsonObject;
        if (json?["event"]?.GetValue<string>() != "stopped")
        {
            throw new FormatException($"Not an emulator stop report: {line}");
        }

        return new EmulatorReport(
            Counts(json),
            [.. json["perKey"]!.AsArray().Select(key => Counts(key!))],
            json["maxInFlight"]!.GetValue<int>());

        static CrmEmulatorRequestCounts Counts(JsonNode node) =>
            new(node["accepted"]!.GetValue<long>(), node["rejected"]!.GetValue<long>());
    }
}
