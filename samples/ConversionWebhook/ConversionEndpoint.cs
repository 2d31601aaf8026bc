using ElasticFunnels.Crm;
using Microsoft.Extensions.Options;

namespace ConversionWebhook;

/// <summary>
/// <c>POST /webhooks/conversions</c>: read the raw body, verify the signature, skip deliveries already
/// handled, map the purchase to a lead and upsert it by reference. Anything unsigned, forged or stale
/// is answered 401 before a byte of it is parsed or written anywhere.
/// </summary>
public static class ConversionEndpoint
{
    public const string Route = "/webhooks/conversions";

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        WebhookSignatureVerifier verifier,
        DeliveryStore deliveries,
        LeadTargetResolver targets,
        IElasticFunnelsCrmClient crm,
        IOptions<ConversionWebhookOptions> options,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(ConversionEndpoint));
        var body = await ReadBodyAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large.");
        }

        var verification = verifier.Verify(request.Headers[WebhookHeaders.Signature], request.Headers[WebhookHeaders.Timestamp], body);
        if (!verification.IsValid)
        {
            Log.Rejected(logger, verification.Failure, verification.Message);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The delivery failed verification.", detail: verification.Message,
                extensions: new Dictionary<string, object?> { ["failure"] = verification.Failure.ToString() });
        }

        // The delivery id is not signed, so it only saves work; the upsert by reference is what keeps one lead per conversion.
        var deliveryId = request.Headers[WebhookHeaders.DeliveryId].ToString();
        if (deliveryId.Length > 0)
        {
            switch (deliveries.TryBegin(deliveryId))
            {
                case DeliveryState.Completed:
                    return Results.Ok(new WebhookResponse("duplicate", null));
                case DeliveryState.InProgress:
                    // 409 makes the vendor try again later, by which time the first attempt has finished.
                    return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "This delivery is being processed.");
            }
        }

        try
        {
            var result = await ProcessAsync(body, targets, crm, cancellationToken);
            if (deliveryId.Length > 0)
            {
                if (result.Status == "created" || result.Status == "updated")
                {
                    deliveries.Complete(deliveryId);
                }
                else
                {
                    deliveries.Abandon(deliveryId);
                }
            }

            return result.Status switch
            {
                "invalid" => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The payload cannot be mapped to a lead.", detail: result.EntryId),
                _ => Results.Ok(result),
            };
        }
        catch (Exception ex) when (ex is CrmException or InvalidOperationException)
        {
            if (deliveryId.Length > 0)
            {
                deliveries.Abandon(deliveryId);
            }

            Log.WriteFailed(logger, ex, deliveryId);

            // A 5xx makes the vendor retry later; the retry is processed because the id was forgotten.
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The CRM could not be updated; retry later.");
        }
        catch
        {
            if (deliveryId.Length > 0)
            {
                deliveries.Abandon(deliveryId);
            }

            throw;
        }
    }

    private static async Task<WebhookResponse> ProcessAsync(byte[] body, LeadTargetResolver targets, IElasticFunnelsCrmClient crm, CancellationToken cancellationToken)
    {
        if (!ConversionWebhookPayload.TryParse(body, out var payload))
        {
            return new WebhookResponse("invalid", "The body is not a conversion payload.");
        }

        if (LeadMapper.ReferenceId(payload) is not { } referenceId)
        {
            return new WebhookResponse("invalid", "The order has no conversion_code or order_id.");
        }

        var target = await targets.GetAsync(cancellationToken);
        var upsert = await crm.Entries.UpsertByReferenceAsync(target.EntityId, LeadMapper.ToLead(payload, referenceId, target), cancellationToken);
        return new WebhookResponse(upsert.Created ? "created" : "updated", upsert.Entry.Id);
    }

    /// <summary>Reads the whole body as bytes (the signature covers them exactly), refusing more than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
