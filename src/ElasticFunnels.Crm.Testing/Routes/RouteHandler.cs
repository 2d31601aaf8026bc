namespace ElasticFunnels.Crm.Testing;

/// <summary>Handles one matched route; runs under the state lock and must not block or wait.</summary>
internal delegate EmulatorResponse RouteHandler(RouteContext context);
