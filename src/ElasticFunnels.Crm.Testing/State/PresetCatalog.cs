using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// The three documented presets. The leads preset follows the endpoint page (one "Sales Pipeline",
/// five fields); contacts and deals are plausible equivalents, since the vendor does not publish them.
/// </summary>
internal static class PresetCatalog
{
    public static IReadOnlyList<PresetDefinition> All { get; } =
    [
        new(
            "leads",
            "Leads",
            "Track inbound leads through a sales process",
            "Lead",
            "Leads",
            "user",
            "#3b82f6",
            [
                new("Sales Pipeline",
                [
                    new("New Lead", "#94a3b8"),
                    new("Contacted", "#3b82f6"),
                    new("Qualified", "#10b981"),
                    new("Closed Won", "#22c55e"),
                    new("Closed Lost", "#ef4444"),
                ]),
            ],
            [
                new("Email", "email", "email"),
                new("Phone", "phone", "phone"),
                new("Lead Source", "lead_source", "select", ["Facebook", "Google", "Organic", "Referral"]),
                new("Company", "company", "text"),
                new("Deal Value", "deal_value", "number"),
            ]),
        new(
            "contacts",
            "Contacts",
            "Manage contacts and customers",
            "Contact",
            "Contacts",
            "address-book",
            "#8b5cf6",
            [
                new("Lifecycle",
                [
                    new("Subscriber", "#94a3b8"),
                    new("Lead", "#3b82f6"),
                    new("Customer", "#22c55e"),
                    new("Inactive", "#64748b"),
                ]),
            ],
            [
                new("Email", "email", "email"),
                new("First Name", "first_name", "text"),
                new("Last Name", "last_name", "text"),
                new("Phone", "phone", "phone"),
                new("Company", "company", "text"),
            ]),
        new(
            "deals",
            "Deals",
            "Deal tracking with revenue stages",
            "Deal",
            "Deals",
            "currency-dollar",
            "#f59e0b",
            [
                new("Deals Pipeline",
                [
                    new("Prospect", "#94a3b8"),
                    new("Qualified", "#3b82f6"),
                    new("Proposal", "#8b5cf6"),
                    new("Negotiation", "#f59e0b"),
                    new("Closed Won", "#22c55e"),
                    new("Closed Lost", "#ef4444"),
                ]),
            ],
            [
                new("Amount", "amount", "number"),
                new("Close Date", "close_date", "date"),
                new("Company", "company", "text"),
                new("Contact Email", "contact_email", "email"),
                new("Priority", "priority", "select", ["Low", "Medium", "High"]),
            ]),
    ];

    public static PresetDefinition? Find(string key) =>
        All.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));

    /// <summary>Creates the preset's pipelines, stages and fields under <paramref name="entity"/>; data-mode entities get the fields only.</summary>
    public static void Apply(CrmState state, EntityRecord entity, PresetDefinition preset, DateTimeOffset now)
    {
        if (!entity.IsDataMode)
        {
            foreach (var pipeline in preset.Pipelines)
            {
                var pipelineRecord = new PipelineRecord
                {
                    Id = state.NextPipelineId(),
                    EntityId = entity.Id,
                    Name = pipeline.Name,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                state.Pipelines.Add(pipelineRecord.Id, pipelineRecord);

                for (var i = 0; i < pipeline.Stages.Count; i++)
                {
                    var stage = new StageRecord
                    {
                        Id = state.NextStageId(),
                        PipelineId = pipelineRecord.Id,
                        Name = pipeline.Stages[i].Name,
                        Color = pipeline.Stages[i].Color,
                        Position = i,
                        CreatedAt = now,
                        UpdatedAt = now,
                    };
                    state.Stages.Add(stage.Id, stage);
                }
            }
        }

        for (var i = 0; i < preset.Fields.Count; i++)
        {
            var definition = preset.Fields[i];
            var field = new FieldRecord
            {
                Id = state.NextFieldId(),
                EntityId = entity.Id,
                Name = definition.Name,
                Key = definition.Key,
                Type = definition.Type,
                Options = definition.Options is null ? null : new JsonArray([.. definition.Options.Select(o => JsonValue.Create(o))]),
                Position = i,
                CreatedAt = now,
                UpdatedAt = now,
            };
            state.Fields.Add(field.Id, field);
        }
    }
}
