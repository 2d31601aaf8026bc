namespace ElasticFunnels.Crm.Cli.App;

/// <summary>The documented exit codes of <c>efcrm</c>; scripts rely on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>A usage error: bad arguments or settings, an unreadable or malformed input file. Nothing was sent.</summary>
    public const int Usage = 1;

    /// <summary>The API (or the connection to it) failed.</summary>
    public const int ApiError = 2;

    /// <summary>An import ran, but some rows failed; the results file says which and why.</summary>
    public const int RowsFailed = 3;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT), after reporting what was written.</summary>
    public const int Cancelled = 130;
}
