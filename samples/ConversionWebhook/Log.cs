using ElasticFunnels.Crm;

namespace ConversionWebhook;

/// <summary>The receiver's log messages, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Rejected a webhook delivery: {Failure}: {Reason}")]
    public static partial void Rejected(ILogger logger, WebhookVerificationFailure failure, string reason);

    [LoggerMessage(2, LogLevel.Error, "Could not write the lead for delivery {DeliveryId}")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string deliveryId);

    [LoggerMessage(3, LogLevel.Information, "Created entity {Slug} ({EntityId}) from the leads preset")]
    public static partial void EntityCreated(ILogger logger, string slug, long entityId);

    [LoggerMessage(4, LogLevel.Warning, "No ElasticFunnels:Crm:AccessKey configured: leads go to an in-process emulator and are lost on exit.")]
    public static partial void UsingEmulator(ILogger logger);
}
