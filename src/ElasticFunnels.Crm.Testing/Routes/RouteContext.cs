using System.Globalization;
using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary>Everything a route handler needs; built per request, used under the state lock.</summary>
internal sealed class RouteContext
{
    public required CrmState State { get; init; }

    public required long BrandId { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required IReadOnlyDictionary<string, string> RouteValues { get; init; }

    public required IReadOnlyDictionary<string, string> Query { get; init; }

    public required JsonObject Body { get; init; }

    /// <summary>See <see cref="CrmEmulatorOptions.EmptyValuesFlatAsArray"/>.</summary>
    public bool EmptyValuesFlatAsArray { get; init; }

    public long Id(string name) => long.Parse(RouteValues[name], CultureInfo.InvariantCulture);

    public string Value(string name) => RouteValues[name];

    public Input Input() => new(Body, new ValidationErrors());
}
