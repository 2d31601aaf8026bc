using System.CommandLine;
using System.Text.Json;
using ElasticFunnels.Crm.Cli.App;
using ElasticFunnels.Crm.Cli.Output;
using ElasticFunnels.Crm.Cli.Values;

namespace ElasticFunnels.Crm.Cli.Commands;

/// <summary><c>efcrm entries list|get|create|update|move|delete</c>.</summary>
internal static class EntriesCommands
{
    private static readonly string[] Headers = ["Id", "Title", "Pipeline", "Stage", "Reference", "Updated"];

    public static Command Build(CommandKit kit)
    {
        var entries = kit.Command("entries", "Entries: the records of an entity (leads, contacts, ...).", "efcrm entries list --entity leads", "efcrm entries create --entity leads --title \"Jane Doe\" --set email=jane@example.com");
        var entity = new Option<string>("--entity", "-e") { Description = "Entity id or slug.", Required = true };
        var entityOptional = new Option<string?>("--entity", "-e") { Description = "Entity id or slug (uses the entity's route; needed for stage names)." };
        var entryId = new Argument<string>("entry") { Description = "Entry id." };

        entries.Add(BuildList(kit, entity));

        var get = kit.Command("get", "Show one entry with all its values.", "efcrm entries get 8f1c2a", "efcrm entries get 8f1c2a --entity leads --json");
        get.Add(entryId);
        get.Add(entityOptional);
        kit.Action(get, async (c, ct) =>
        {
            var entityId = c.Get(entityOptional) is { } e ? await c.EntityIdAsync(e, ct) : (long?)null;
            return Print.One(c, await c.Api.GetEntryAsync(entityId, c.Get(entryId), ct), JsonModels.Entry, Details);
        });
        entries.Add(get);

        var title = new Option<string?>("--title") { Description = "The entry's title." };
        var pipeline = new Option<string?>("--pipeline") { Description = "Pipeline id or name (default: the entity's default pipeline)." };
        var stage = new Option<string?>("--stage") { Description = "Stage id or name (default: the pipeline's first stage)." };
        var referenceType = new Option<string?>("--reference-type") { Description = "Your reference's type, e.g. conversion." };
        var referenceId = new Option<string?>("--reference-id") { Description = "Your reference's id, e.g. a conversion code." };
        var set = new Option<string[]>("--set") { Description = "A value: key=value, read as the field's type (lists: a; b). key= clears it. Repeat for each." };
        var values = new Option<string?>("--values") { Description = "Values as a JSON object, e.g. '{\"deal_value\": 1200.5}'." };

        var create = kit.Command("create", "Create an entry; values are checked against the entity's fields first.",
            "efcrm entries create --entity leads --title \"Jane Doe\" --set email=jane@example.com --set lead_source=Google",
            "efcrm entries create --entity leads --title Acme --stage Qualified --values '{\"deal_value\": 1200.50}'");
        foreach (var option in new Option[] { entity, title, pipeline, stage, referenceType, referenceId, set, values })
        {
            create.Add(option);
        }

        kit.Action(create, async (c, ct) =>
        {
            var target = await EntityTarget.LoadAsync(c, c.Get(entity), ct);
            var (pipelineId, stageId) = target.Placement(c.Get(pipeline), c.Get(stage));
            var created = await c.Api.CreateEntryAsync(target.Entity.Id, new EntryCreateRequest
            {
                Title = c.Get(title) ?? throw new CliUsageException("--title is required to create an entry."),
                PipelineId = pipelineId,
                StageId = stageId,
                ReferenceType = c.Get(referenceType),
                ReferenceId = c.Get(referenceId),
                Values = ValueArguments.Read(target.Schema, c.Get(set), c.Get(values), creating: true),
            }, ct);
            return Print.One(c, created, JsonModels.Entry, Details);
        });
        entries.Add(create);

        var update = kit.Command("update", "Change an entry's title, reference or values; only what you give changes.",
            "efcrm entries update 8f1c2a --entity leads --set deal_value=1500 --set company=",
            "efcrm entries update 8f1c2a --entity leads --title \"Jane Doe (Acme)\"");
        update.Add(entryId);
        foreach (var option in new Option[] { entity, title, referenceType, referenceId, set, values })
        {
            update.Add(option);
        }

        kit.Action(update, async (c, ct) =>
        {
            var target = await EntityTarget.LoadAsync(c, c.Get(entity), ct);
            var updated = await c.Api.UpdateEntryAsync(target.Entity.Id, c.Get(entryId), new EntryUpdateRequest
            {
                Title = c.Get(title),
                ReferenceType = c.Get(referenceType),
                ReferenceId = c.Get(referenceId),
                Values = ValueArguments.Read(target.Schema, c.Get(set), c.Get(values), creating: false),
            }, ct);
            return Print.One(c, updated, JsonModels.Entry, Details);
        });
        entries.Add(update);

        var toStage = new Option<string>("--stage") { Description = "Stage id, or stage name with --entity.", Required = true };
        var move = kit.Command("move", "Move an entry to another stage of its pipeline.", "efcrm entries move 8f1c2a --stage 3", "efcrm entries move 8f1c2a --entity leads --stage \"Closed Won\"");
        move.Add(entryId);
        move.Add(toStage);
        move.Add(entityOptional);
        kit.Action(move, async (c, ct) =>
        {
            long? entityId = null;
            long stageId;
            if (c.Get(entityOptional) is { } e)
            {
                var target = await EntityTarget.LoadAsync(c, e, ct);
                entityId = target.Entity.Id;
                stageId = target.Placement(null, c.Get(toStage)).StageId!.Value;
            }
            else if (!long.TryParse(c.Get(toStage), out stageId))
            {
                throw new CliUsageException("--stage takes a stage id; give --entity to name the stage instead.");
            }

            var moved = await c.Api.MoveEntryAsync(entityId, c.Get(entryId), stageId, ct);
            return Print.One(c, moved, JsonModels.Entry, Details);
        });
        entries.Add(move);

        var yes = CommandKit.YesOption();
        var delete = kit.Command("delete", "Delete an entry.", "efcrm entries delete 8f1c2a --yes");
        delete.Add(entryId);
        delete.Add(entityOptional);
        delete.Add(yes);
        kit.Action(delete, async (c, ct) =>
        {
            var id = c.Get(entryId);
            if (!c.Confirm($"Delete entry {id}?", c.Get(yes)))
            {
                return Print.NotConfirmed(c);
            }

            var entityId = c.Get(entityOptional) is { } e ? await c.EntityIdAsync(e, ct) : (long?)null;
            await c.Api.DeleteEntryAsync(entityId, id, ct);
            return Print.Deleted(c, "entry", id);
        });
        entries.Add(delete);
        return entries;
    }

    private static Command BuildList(CommandKit kit, Option<string> entity)
    {
        var list = kit.Command("list", "List entries, newest first: one page, or every page with --all.",
            "efcrm entries list --entity leads",
            "efcrm entries list --entity leads --stage 2 --search jane --json",
            "efcrm entries list --entity leads --reference-type conversion --reference-id conv-123",
            "efcrm entries list --entity leads --all --json > leads.json");
        var filters = new EntryFilterOptions();
        var page = new Option<int?>("--page") { Description = "Page number, from 1 (not with --all)." };
        var perPage = new Option<int?>("--per-page") { Description = "Entries per page, 1 to 100 (default: the API's, or 100 with --all)." };
        var all = new Option<bool>("--all") { Description = "Every page, requested one at a time as they are printed." };
        list.Add(entity);
        filters.AddTo(list);
        foreach (var option in new Option[] { page, perPage, all })
        {
            list.Add(option);
        }

        kit.Action(list, async (c, ct) =>
        {
            var entityId = await c.EntityIdAsync(c.Get(entity), ct);
            var options = filters.Read(c, c.Get(perPage));
            if (c.Get(all))
            {
                if (c.Get(page) is not null)
                {
                    throw new CliUsageException("--page and --all do not go together: --all reads every page.");
                }

                options.PerPage ??= EntryListOptions.MaxPerPage;
                return await ListAllAsync(c, c.Api.ListEntriesAutoPagingAsync(entityId, options, ct), ct);
            }

            options.Page = c.Get(page);
            var result = await c.Api.ListEntriesAsync(entityId, options, ct);
            if (c.Output.Json)
            {
                c.Output.WriteJson(json =>
                {
                    json.WriteStartObject();
                    json.WriteNumber("page", result.Page);
                    json.WriteNumber("last_page", result.LastPage);
                    json.WriteNumber("per_page", result.PerPage);
                    json.WriteNumber("total", result.Total);
                    json.WriteStartArray("entries");
                    foreach (var entry in result.Entries)
                    {
                        JsonModels.Entry(json, entry);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                });
            }
            else
            {
                var more = result.HasMore ? $"; --page {result.Page + 1} for more, --all for every page" : string.Empty;
                c.Output.Table(Headers, result.Entries.Select(Row), $"Page {result.Page} of {result.LastPage}, {result.Total} entries{more}");
            }

            return ExitCodes.Ok;
        });
        return list;
    }

    /// <summary>Streams every page: JSON as it arrives (one entry per line inside the array), a table at the end.</summary>
    private static async Task<int> ListAllAsync(CommandContext c, IAsyncEnumerable<Entry> entries, CancellationToken ct)
    {
        if (!c.Output.Json)
        {
            var rows = new List<IReadOnlyList<string?>>();
            await foreach (var entry in entries.WithCancellation(ct))
            {
                rows.Add(Row(entry));
            }

            c.Output.Table(Headers, rows, $"{rows.Count} entries");
            return ExitCodes.Ok;
        }

        var output = c.Output.Out;
        var compact = new JsonWriterOptions { Encoder = CliOutput.JsonOptions.Encoder };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        long count = 0;
        await output.WriteAsync("{\"entries\":[");
        await foreach (var entry in entries.WithCancellation(ct))
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer, compact))
            {
                JsonModels.Entry(json, entry);
            }

            await output.WriteAsync(count++ == 0 ? "\n" : ",\n");
            await output.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        await output.WriteLineAsync($"\n],\"count\":{count}}}");
        return ExitCodes.Ok;
    }

    private static IReadOnlyList<string?> Row(Entry e) =>
        [e.Id, e.Title, Print.Text(e.PipelineId), Print.Text(e.StageId), e.ReferenceId is null ? null : $"{e.ReferenceType}:{e.ReferenceId}", Print.Text(e.UpdatedAt)];

    private static IEnumerable<(string, string?)> Details(Entry e)
    {
        yield return ("Id", e.Id);
        yield return ("Title", e.Title);
        yield return ("Pipeline", Print.Text(e.PipelineId));
        yield return ("Stage", Print.Text(e.StageId));
        yield return ("Reference type", e.ReferenceType);
        yield return ("Reference id", e.ReferenceId);
        yield return ("Created", Print.Text(e.CreatedAt));
        yield return ("Updated", Print.Text(e.UpdatedAt));
        foreach (var (key, value) in e.Values)
        {
            yield return ($"values.{key}", value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind == JsonValueKind.Undefined ? null : value.GetRawText());
        }
    }
}
