namespace ElasticFunnels.Crm.Testing;

/// <summary>How many requests the emulator's rate limit let through and how many it refused.</summary>
/// <param name="Accepted">Authenticated requests let through (counted whether or not a limit is set).</param>
/// <param name="Rejected">Requests answered 429 by the rate limit. Failures queued with <see cref="CrmEmulatorFaults.FailNext(int, int, TimeSpan?, string?)"/> are not counted.</param>
public readonly record struct CrmEmulatorRequestCounts(long Accepted, long Rejected)
{
    /// <summary>Every request the rate limit saw: <see cref="Accepted"/> plus <see cref="Rejected"/>.</summary>
    public long Total => Accepted + Rejected;
}
