namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// One key's current fixed window: which one (window n starts at n × <see cref="Ticks"/>, in UTC ticks)
/// and how much of it is used. The length is kept because window numbers under different lengths do
/// not compare: a change of <see cref="CrmEmulatorRateLimit.Window"/> starts afresh.
/// </summary>
internal record struct KeyWindow(long Index, long Ticks, int Used);
