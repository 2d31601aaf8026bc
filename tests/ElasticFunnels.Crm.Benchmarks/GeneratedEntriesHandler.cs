using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>
/// Plays <c>GET entities/1/entries</c> and <c>GET entities/1/fields</c> for an entity of
/// <see cref="Total"/> entries, generating each requested page on the fly (nothing is pre-built, so the
/// server side costs no memory that grows with the total). Entries look like the vendor's example:
/// both value shapes, reference, timestamps.
/// </summary>
public sealed class GeneratedEntriesHandler(int total, Action? beforePage = null) : HttpMessageHandler
{
    private static readonly string[] Sources = ["Facebook", "Google", "Organic", "Referral"];
    private static readonly DateTimeOffset Epoch = new(2024, 12, 11, 10, 0, 0, TimeSpan.Zero);

    public int Total => total;

    public int PagesServed { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = path.EndsWith("/fields", StringComparison.Ordinal) ? Fields() : Page(request.RequestUri!);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body), RequestMessage = request };
        response.Content.Headers.ContentType = new("application/json");
        return Task.FromResult(response);
    }

    private byte[] Page(Uri uri)
    {
        beforePage?.Invoke();
        PagesServed++;
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var page = int.Parse(query["page"] ?? "1", CultureInfo.InvariantCulture);
        var perPage = int.Parse(query["per_page"] ?? "25", CultureInfo.InvariantCulture);
        var lastPage = Math.Max(1, (total + perPage - 1) / perPage);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            for (var offset = (page - 1) * perPage; offset < Math.Min(total, page * perPage); offset++)
            {
                WriteEntry(json, total - offset); // newest first
            }

            json.WriteEndArray();
            json.WriteNumber("current_page", page);
            json.WriteNumber("last_page", lastPage);
            json.WriteNumber("per_page", perPage);
            json.WriteNumber("total", total);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteEntry(Utf8JsonWriter json, int n)
    {
        var email = $"lead{n}@example.com";
        var source = Sources[n % Sources.Length];
        var at = Epoch.AddMinutes(n).ToString("yyyy-MM-dd'T'HH:mm:ss'.000000Z'", CultureInfo.InvariantCulture);
        json.WriteStartObject();
        json.WriteString("id", $"es-doc-{n:D9}");
        json.WriteString("title", $"Lead {n}, \"imported\"");
        json.WriteNumber("pipeline_id", 1);
        json.WriteNumber("stage_id", 1 + (n % 4));
        json.WriteNumber("crm_entity_id", 1);
        json.WriteNumber("brand_id", 42);
        json.WriteString("reference_type", "conversion");
        json.WriteString("reference_id", $"conv-{n}");
        json.WriteNull("assigned_to_user_id");
        json.WriteStartArray("values");
        WriteKeyValue(json, "email", email);
        WriteKeyValue(json, "lead_source", source);
        json.WriteEndArray();
        json.WriteStartObject("values_flat");
        json.WriteString("email", email);
        json.WriteString("lead_source", source);
        json.WriteNumber("score", n % 100);
        json.WriteStartArray("tags");
        json.WriteStringValue("vip");
        json.WriteStringValue("newsletter");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteString("created_at", at);
        json.WriteString("updated_at", at);
        json.WriteEndObject();
    }

    private static void WriteKeyValue(Utf8JsonWriter json, string key, string value)
    {
        json.WriteStartObject();
        json.WriteString("key", key);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

    private static byte[] Fields() => """
        [
          { "id": 1, "name": "Email", "key": "email", "type": "email", "position": 0 },
          { "id": 2, "name": "Lead Source", "key": "lead_source", "type": "select", "options": ["Facebook", "Google", "Organic", "Referral"], "position": 1 },
          { "id": 3, "name": "Score", "key": "score", "type": "number", "position": 2 },
          { "id": 4, "name": "Tags", "key": "tags", "type": "multi_select", "options": ["vip", "newsletter"], "position": 3 }
        ]
        """u8.ToArray();
}
