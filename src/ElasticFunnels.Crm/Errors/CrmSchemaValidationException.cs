namespace ElasticFunnels.Crm;

/// <summary>
/// The values of an entry create or update do not fit the entity's fields, so the request was not sent.
/// <see cref="Problems"/> lists every problem at once. Thrown only when schema validation is on
/// (<see cref="ElasticFunnelsCrmOptions.ValidateEntryValues"/> or <see cref="CrmRequestOptions.ValidateAgainstSchema"/>).
/// </summary>
/// <remarks>
/// It is an <see cref="ArgumentException"/> (with <see cref="ArgumentException.ParamName"/> <c>request</c>), like
/// every other check the SDK makes before sending: the caller's data must change, and nothing reached the API.
/// The API's own rejection of the same data would be a <see cref="CrmValidationException"/>.
/// </remarks>
public class CrmSchemaValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="entityId">The entity whose fields the values were checked against.</param>
    /// <param name="problems">The problems; at least one.</param>
    /// <param name="paramName">The argument that holds the values.</param>
    public CrmSchemaValidationException(long entityId, IReadOnlyList<EntryValueProblem> problems, string? paramName = "request")
        : base(Describe(entityId, problems), paramName)
    {
        EntityId = entityId;
        Problems = problems;
    }

    /// <summary>The entity whose fields the values were checked against.</summary>
    public long EntityId { get; }

    /// <summary>Every problem found, in the order of the values (then required fields that are missing).</summary>
    public IReadOnlyList<EntryValueProblem> Problems { get; }

    private static string Describe(long entityId, IReadOnlyList<EntryValueProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        return $"The entry values do not match the fields of entity {entityId} ({count}); nothing was sent. {string.Join(" ", problems.Select(p => p.Message))}";
    }
}
