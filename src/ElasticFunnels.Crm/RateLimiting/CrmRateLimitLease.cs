namespace ElasticFunnels.Crm;

/// <summary>
/// A place in a budget's queue, handed out by <see cref="CrmRateLimitStore.AcquireAsync"/>: either a slot
/// (send after <see cref="Wait"/>) or a refusal (the wait would be longer than the caller can wait).
/// <see cref="Slot"/> and <see cref="Epoch"/> mean something only to the store that made the lease.
/// </summary>
/// <param name="Granted">Whether the caller holds a slot; false when the wait exceeded what it could wait, or the queue was full.</param>
/// <param name="Wait">How long to wait before sending (when granted), or the wait that was refused.</param>
/// <param name="Slot">The store's position of this request, e.g. the time it may leave.</param>
/// <param name="Epoch">Which pause the slot was given under; a newer pause makes the slot void.</param>
public readonly record struct CrmRateLimitLease(bool Granted, TimeSpan Wait, long Slot, long Epoch);
