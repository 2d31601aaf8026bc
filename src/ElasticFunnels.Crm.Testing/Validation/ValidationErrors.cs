using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary>Collects Laravel-style validation messages per attribute, in the order rules ran.</summary>
internal sealed class ValidationErrors
{
    private readonly OrderedDictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public bool Has(string attribute) => errors.ContainsKey(attribute);

    /// <summary>Laravel shows attributes with underscores as spaces ("stage_id" → "stage id").</summary>
    public static string Display(string attribute) => attribute.Replace('_', ' ');

    public void Add(string attribute, string message)
    {
        if (!errors.TryGetValue(attribute, out var list))
        {
            list = [];
            errors.Add(attribute, list);
        }

        list.Add(message);
    }

    public void Required(string attribute) => Add(attribute, $"The {Display(attribute)} field is required.");

    public void Invalid(string attribute) => Add(attribute, $"The selected {Display(attribute)} is invalid.");

    public void Taken(string attribute) => Add(attribute, $"The {Display(attribute)} has already been taken.");

    public void Format(string attribute) => Add(attribute, $"The {Display(attribute)} field format is invalid.");

    public void MustBe(string attribute, string what) => Add(attribute, $"The {Display(attribute)} field must be {what}.");

    public void Prohibited(string attribute) => Add(attribute, $"The {Display(attribute)} field is prohibited.");

    /// <summary>The vendor's CRM 422 examples carry <c>errors</c> and no <c>message</c>.</summary>
    public EmulatorResponse ToResponse()
    {
        var body = new JsonObject();
        foreach (var (attribute, messages) in errors)
        {
            body[attribute] = new JsonArray([.. messages.Select(m => JsonValue.Create(m))]);
        }

        return EmulatorResponse.Json(422, new JsonObject { ["errors"] = body });
    }
}
