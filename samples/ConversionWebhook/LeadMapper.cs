using ElasticFunnels.Crm;

namespace ConversionWebhook;

/// <summary>Turns a purchase into a lead: linked to the conversion by reference, so redeliveries update it.</summary>
public static class LeadMapper
{
    public const string ReferenceType = "conversion";

    /// <summary>The conversion's stable id: its conversion code, or the order id when the code is absent.</summary>
    public static string? ReferenceId(ConversionWebhookPayload payload) =>
        NotBlank(payload.Order.ConversionCode) ?? NotBlank(payload.Order.OrderId);

    public static EntryCreateRequest ToLead(ConversionWebhookPayload payload, string referenceId, LeadTarget target)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var (key, value) in new[]
        {
            ("email", payload.Customer.Email),
            ("phone", payload.Customer.Phone),
            ("lead_source", payload.Tracking.UtmSource),
        })
        {
            if (target.Fit(key, value) is { } fitted)
            {
                values[key] = fitted;
            }
        }

        return new EntryCreateRequest
        {
            Title = payload.Customer.FullName ?? NotBlank(payload.Customer.Email) ?? $"Conversion {referenceId}",
            PipelineId = target.PipelineId,
            StageId = target.StageId,
            ReferenceType = ReferenceType,
            ReferenceId = referenceId,
            Values = values,
        };
    }

    private static string? NotBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
