namespace ConversionWebhook;

/// <summary>What the receiver answers: <c>created</c>, <c>updated</c> or <c>duplicate</c>, and the entry id.</summary>
public sealed record WebhookResponse(string Status, string? EntryId);
