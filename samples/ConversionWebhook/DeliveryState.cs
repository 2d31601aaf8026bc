namespace ConversionWebhook;

/// <summary>What the store knows about a delivery id.</summary>
public enum DeliveryState
{
    /// <summary>Never seen (or forgotten): process it.</summary>
    New,

    /// <summary>Another request is processing it right now.</summary>
    InProgress,

    /// <summary>Processed already: acknowledge without doing it again.</summary>
    Completed,
}
