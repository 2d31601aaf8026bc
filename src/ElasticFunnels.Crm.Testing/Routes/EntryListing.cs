using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary><c>GET entities/{entity}/entries</c>: filters, newest-first ordering and page-number paging.</summary>
internal static class EntryListing
{
    public static EmulatorResponse List(RouteContext context)
    {
        if (Find.Entity(context) is not { } entity)
        {
            return EmulatorResponse.NotFound("Entity not found.");
        }

        // Query parameters go through the same rules as body attributes, as Laravel validates both alike.
        var query = new JsonObject();
        foreach (var (key, value) in context.Query)
        {
            query[key] = value;
        }

        var input = new Input(query, new ValidationErrors());
        var perPage = input.Integer("per_page", min: 1, max: 100) ?? 25;
        var page = input.Integer("page", min: 1) ?? 1;
        var pipelineId = input.Integer("pipeline_id");
        var stageId = input.Integer("stage_id");
        var referenceType = input.String("reference_type");
        var referenceId = input.String("reference_id");
        var search = input.String("q");
        var includeCustomer = ReadFlag(input, "include_customer");
        if (input.Errors.Any)
        {
            return input.Errors.ToResponse();
        }

        var matches = context.State.Entries.Values
            .Where(e => e.EntityId == entity.Id)
            .Where(e => pipelineId is null || e.PipelineId == pipelineId)
            .Where(e => stageId is null || e.StageId == stageId)
            .Where(e => referenceType is null || e.ReferenceType == referenceType)
            .Where(e => referenceId is null || e.ReferenceId == referenceId)
            .Where(e => search is null || e.Title.Contains(search, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e.CreatedAt)
            .ThenByDescending(e => e.Sequence)
            .ToList();

        var total = matches.Count;
        var lastPage = Math.Max(1, (total + (int)perPage - 1) / (int)perPage);
        var data = page > lastPage
            ? []
            : matches.Skip((int)((page - 1) * perPage)).Take((int)perPage);

        return EmulatorResponse.Json(200, new JsonObject
        {
            ["data"] = new JsonArray([.. data.Select(e => JsonViews.Entry(e, context.BrandId, includeCustomer, context.EmptyValuesFlatAsArray))]),
            ["current_page"] = page,
            ["last_page"] = lastPage,
            ["per_page"] = perPage,
            ["total"] = total,
        });
    }

    /// <summary>Query strings carry booleans as text; accept the spellings <c>$request->boolean()</c> accepts.</summary>
    private static bool ReadFlag(Input input, string key)
    {
        var text = JsonText.StringOf(input.Node(key))?.Trim().ToUpperInvariant();
        switch (text)
        {
            case null or "":
                return false;
            case "1" or "TRUE" or "ON" or "YES":
                return true;
            case "0" or "FALSE" or "OFF" or "NO":
                return false;
            default:
                input.Errors.MustBe(key, "true or false");
                return false;
        }
    }
}
