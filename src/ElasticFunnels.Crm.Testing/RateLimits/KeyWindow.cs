namespace ElasticFunnels.Crm.Testing;

/// <summary>One key's current fixed window: which one (window n starts at n × the window's length, in UTC ticks) and how much of it is used.</summary>
/// <remarks>
/// The number alone identifies the window even after <see cref="CrmEmulatorRateLimit.Window"/> changes:
/// the same number under another length lies decades away on any realistic clock.
/// </remarks>
internal record struct KeyWindow(long Index, int Used);
