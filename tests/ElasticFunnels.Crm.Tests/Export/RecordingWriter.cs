namespace ElasticFunnels.Crm.Tests.Export;

/// <summary>A <see cref="StringWriter"/> that counts asynchronous flushes.</summary>
public sealed class RecordingWriter() : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    public int Flushes { get; private set; }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flushes++;
        return base.FlushAsync(cancellationToken);
    }
}
