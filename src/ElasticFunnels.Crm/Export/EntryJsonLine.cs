using System.Text.Encodings.Web;
using System.Text.Json;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// One entry as one line of JSON: every property under its API name (null when absent, so each line
/// has the same keys), the values as one flat object whatever shape the API sent, and the customer
/// when the listing included it.
/// </summary>
internal static class EntryJsonLine
{
    // The output is a data file, not HTML, so non-ASCII text stays readable instead of \u-escaped.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Utf8JsonWriter writer, Entry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("id", entry.Id);
        WriteString(writer, "title", entry.Title);
        WriteNumber(writer, "pipeline_id", entry.PipelineId);
        WriteNumber(writer, "stage_id", entry.StageId);
        WriteNumber(writer, "crm_entity_id", entry.CrmEntityId);
        WriteNumber(writer, "brand_id", entry.BrandId);
        WriteString(writer, "reference_type", entry.ReferenceType);
        WriteString(writer, "reference_id", entry.ReferenceId);
        WriteNumber(writer, "assigned_to_user_id", entry.AssignedToUserId);
        WriteNumber(writer, "assigned_to_team_id", entry.AssignedToTeamId);
        WriteString(writer, "created_at", entry.CreatedAt is { } created ? TimestampJsonConverter.Format(created) : null);
        WriteString(writer, "updated_at", entry.UpdatedAt is { } updated ? TimestampJsonConverter.Format(updated) : null);

        writer.WritePropertyName("values");
        entry.Values.Write(writer);

        if (entry.Customer is { ValueKind: not JsonValueKind.Undefined } customer)
        {
            writer.WritePropertyName("customer");
            customer.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
