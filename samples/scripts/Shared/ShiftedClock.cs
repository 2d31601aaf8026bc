namespace ScriptSupport;

/// <summary>The system clock moved by an offset, so the emulator can hold entries last touched weeks ago.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
