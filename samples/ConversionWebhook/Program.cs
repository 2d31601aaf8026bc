using ConversionWebhook;
using ElasticFunnels.Crm;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<ConversionWebhookOptions>(builder.Configuration.GetSection(ConversionWebhookOptions.SectionName));
builder.Services.AddProblemDetails();
builder.Services.AddSingleton(TimeProvider.System);
var usesEmulator = builder.AddCrm();

builder.Services.AddSingleton(sp =>
{
    var options = sp.GetRequiredService<IOptions<ConversionWebhookOptions>>().Value;
    var secret = options.SigningSecret;
    if (string.IsNullOrWhiteSpace(secret))
    {
        // A receiver that writes to a real CRM must never accept deliveries signed with a well-known secret.
        secret = usesEmulator
            ? ConversionWebhookOptions.DevelopmentSecret
            : throw new InvalidOperationException("ConversionWebhook:SigningSecret is not set; copy the signing secret from the postback settings.");
    }

    return new WebhookSignatureVerifier(secret, options.TimestampTolerance, sp.GetRequiredService<TimeProvider>());
});
builder.Services.AddSingleton(sp => new DeliveryStore(
    sp.GetRequiredService<TimeProvider>(),
    sp.GetRequiredService<IOptions<ConversionWebhookOptions>>().Value.DeliveryRetention));
builder.Services.AddSingleton<LeadTargetResolver>();

var app = builder.Build();

// Resolve the verifier now, so a missing secret stops the app at start-up rather than at the first delivery.
app.Services.GetRequiredService<WebhookSignatureVerifier>();
if (usesEmulator)
{
    Log.UsingEmulator(app.Logger);
}

app.MapPost(ConversionEndpoint.Route, ConversionEndpoint.HandleAsync);
app.MapGet("/", () => Results.Text($"POST signed conversion postbacks to {ConversionEndpoint.Route}"));

app.Run();

/// <summary>Visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
