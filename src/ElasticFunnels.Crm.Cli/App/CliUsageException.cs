namespace ElasticFunnels.Crm.Cli.App;

/// <summary>A mistake the user can fix (a missing setting, an unknown entity, a bad file); exit code 1, nothing sent.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
