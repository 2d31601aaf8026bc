namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>
/// Sends <see cref="Console.Out"/> to a buffer until disposed, so a test can check what a snippet printed.
/// Console.Out is process-wide: other tests may write to it meanwhile, so assert with Contains.
/// </summary>
public sealed class ConsoleCapture : IDisposable
{
    private readonly StringWriter _buffer = new();
    private readonly TextWriter _original = Console.Out;

    private ConsoleCapture() => Console.SetOut(TextWriter.Synchronized(_buffer));

    public string Text => _buffer.ToString();

    public static ConsoleCapture Start() => new();

    public void Dispose() => Console.SetOut(_original);
}
