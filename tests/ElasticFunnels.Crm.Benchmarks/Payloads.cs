using System.Globalization;
using System.Text;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>Entries shaped like the vendor's documented example: both value shapes, reference, timestamps.</summary>
public static class Payloads
{
    public static string Entry(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        {"id":"es-doc-id-{{i}}","title":"Jane Doe {{i}}","pipeline_id":1,"stage_id":2,"crm_entity_id":1,"brand_id":42,
         "reference_type":"conversion","reference_id":"conv-{{i}}","assigned_to_user_id":null,
         "values":[{"key":"email","value":"jane{{i}}@example.com"},{"key":"lead_source","value":"Facebook"},{"key":"deal_value","value":{{i * 10}}.5}],
         "values_flat":{"email":"jane{{i}}@example.com","lead_source":"Facebook","deal_value":{{i * 10}}.5},
         "created_at":"2024-12-11T10:00:00.000000Z","updated_at":"2024-12-10T14:00:00Z"}
        """);

    public static string Page(int count)
    {
        var text = new StringBuilder("{\"data\":[");
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(Entry(i));
        }

        return text.Append(CultureInfo.InvariantCulture, $"],\"current_page\":1,\"last_page\":4,\"per_page\":{count},\"total\":{count * 4}}}").ToString();
    }
}
