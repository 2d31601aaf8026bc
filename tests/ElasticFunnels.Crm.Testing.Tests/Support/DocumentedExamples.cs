namespace ElasticFunnels.Crm.Testing.Tests;

/// <summary>Request and response examples copied from the vendor's CRM endpoint page.</summary>
public static class DocumentedExamples
{
    public const string PresetsResponse = """
        {
          "presets": [
            { "key": "leads",    "label": "Leads",    "description": "Track inbound leads through a sales process" },
            { "key": "contacts", "label": "Contacts", "description": "Manage contacts and customers" },
            { "key": "deals",    "label": "Deals",    "description": "Deal tracking with revenue stages" }
          ]
        }
        """;

    public const string EntityListResponse = """
        [
          {
            "id": 1, "name": "Leads", "slug": "leads", "singular_name": "Lead", "plural_name": "Leads",
            "icon": "user", "color": "#3b82f6", "brand_id": 42, "pipelines_count": 1, "fields_count": 5
          }
        ]
        """;

    public const string EntityGetResponse = """
        {
          "id": 1, "name": "Leads", "slug": "leads",
          "pipelines": [
            { "id": 1, "name": "Sales Pipeline",
              "stages": [
                { "id": 1, "name": "New Lead",   "position": 0, "color": "#94a3b8" },
                { "id": 2, "name": "Contacted",  "position": 1, "color": "#3b82f6" },
                { "id": 3, "name": "Qualified",  "position": 2, "color": "#10b981" },
                { "id": 4, "name": "Closed Won", "position": 3, "color": "#22c55e" }
              ] }
          ],
          "fields": [
            { "id": 1, "name": "Email",   "key": "email",   "type": "text" },
            { "id": 2, "name": "Phone",   "key": "phone",   "type": "text" },
            { "id": 3, "name": "Source",  "key": "source",  "type": "select", "options": ["Facebook", "Google", "Organic"] }
          ]
        }
        """;

    public const string EntityCreateRequest = """
        {
          "name": "Leads", "slug": "leads", "singular_name": "Lead", "plural_name": "Leads",
          "icon": "user", "color": "#3b82f6", "preset": "leads"
        }
        """;

    public const string EntityCreateResponse = """
        {
          "id": 1, "name": "Leads", "slug": "leads", "singular_name": "Lead", "plural_name": "Leads",
          "icon": "user", "color": "#3b82f6", "brand_id": 42, "created_at": "2024-12-11T10:00:00.000000Z"
        }
        """;

    public const string PipelineCreateRequest = """{"name": "Sales Pipeline"}""";

    public const string PipelineCreateResponse = """
        { "id": 1, "name": "Sales Pipeline", "crm_entity_id": 1, "brand_id": 42, "created_at": "2024-12-11T10:00:00.000000Z" }
        """;

    public const string StageCreateRequest = """{"name": "Qualified", "color": "#10b981", "position": 2}""";

    public const string StageCreateResponse = """
        { "id": 3, "name": "Qualified", "color": "#10b981", "position": 2, "pipeline_id": 1, "created_at": "2024-12-11T10:00:00.000000Z" }
        """;

    public const string StageReorderRequest = """
        { "stages": [ {"id": 1, "position": 0}, {"id": 3, "position": 1}, {"id": 2, "position": 2}, {"id": 4, "position": 3} ] }
        """;

    public const string FieldCreateRequest = """
        {
          "name": "Lead Source", "key": "lead_source", "type": "select",
          "options": ["Facebook", "Google", "Organic", "Referral"], "required": false, "position": 2
        }
        """;

    public const string FieldCreateResponse = """
        {
          "id": 4, "name": "Lead Source", "key": "lead_source", "type": "select",
          "options": ["Facebook", "Google", "Organic", "Referral"], "required": false, "position": 2,
          "crm_entity_id": 1, "created_at": "2024-12-11T10:00:00.000000Z"
        }
        """;

    public const string EntryCreateRequest = """
        {
          "title": "Jane Doe", "pipeline_id": 1, "stage_id": 1,
          "reference_type": "conversion", "reference_id": "conv-123",
          "values": { "email": "jane@example.com", "phone": "+15551234567", "lead_source": "Facebook" }
        }
        """;

    public const string EntryCreateResponse = """
        {
          "id": "es-doc-id-xyz", "title": "Jane Doe", "pipeline_id": 1, "stage_id": 1, "crm_entity_id": 1, "brand_id": 42,
          "reference_type": "conversion", "reference_id": "conv-123",
          "values": [ { "key": "email", "value": "jane@example.com" }, { "key": "lead_source", "value": "Facebook" } ],
          "values_flat": { "email": "jane@example.com", "lead_source": "Facebook" },
          "created_at": "2024-12-11T10:00:00Z", "updated_at": "2024-12-11T10:00:00Z"
        }
        """;

    public const string EntryListResponse = """
        {
          "data": [
            {
              "id": "es-doc-id-abc", "title": "Jane Doe", "pipeline_id": 1, "stage_id": 2, "crm_entity_id": 1, "brand_id": 42,
              "reference_type": "conversion", "reference_id": "conv-123", "assigned_to_user_id": null,
              "values": [ { "key": "email", "value": "jane@example.com" } ],
              "values_flat": { "email": "jane@example.com", "lead_source": "Facebook" },
              "updated_at": "2024-12-10T14:00:00Z"
            }
          ],
          "current_page": 1, "last_page": 4, "per_page": 25, "total": 87
        }
        """;

    public const string EntryUpdateRequest = """
        { "values": { "lead_source": "Google", "phone": "+15559876543" }, "assigned_to_user_id": 7 }
        """;

    public const string MoveStageRequest = """{"stage_id": 3}""";

    public const string MoveStageResponse = """{ "id": "es-doc-id-xyz", "stage_id": 3, "updated_at": "2024-12-11T10:05:00Z" }""";
}
