namespace ElasticFunnels.Crm;

/// <summary>Filters and page settings for listing entries. Every filter is optional.</summary>
public sealed class EntryListOptions
{
    /// <summary>The most entries a page may hold.</summary>
    public const int MaxPerPage = 100;

    /// <summary>Only entries in this pipeline.</summary>
    public long? PipelineId { get; set; }

    /// <summary>Only entries in this stage.</summary>
    public long? StageId { get; set; }

    /// <summary>Only entries linked to outside records of this type (e.g. <c>conversion</c>).</summary>
    public string? ReferenceType { get; set; }

    /// <summary>Only entries linked to the outside record with this id.</summary>
    public string? ReferenceId { get; set; }

    /// <summary>Full-text search on the title (sent as <c>q</c>).</summary>
    public string? Search { get; set; }

    /// <summary>Attach the matched customer record to each entry (<see cref="Entry.Customer"/>).</summary>
    public bool? IncludeCustomer { get; set; }

    /// <summary>Entries per page, 1 to 100; the API's default is 25.</summary>
    public int? PerPage { get; set; }

    /// <summary>The 1-based page to start at; the API's default is 1.</summary>
    public int? Page { get; set; }

    /// <summary>Copies the options.</summary>
    /// <returns>The copy.</returns>
    public EntryListOptions Clone() => (EntryListOptions)MemberwiseClone();

    internal void Validate(string paramName)
    {
        if (PerPage is { } perPage && perPage is < 1 or > MaxPerPage)
        {
            throw new ArgumentOutOfRangeException(paramName, perPage, $"{paramName}.PerPage must be between 1 and {MaxPerPage} (was {perPage}).");
        }

        if (Page is { } page && page < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, page, $"{paramName}.Page must be 1 or greater (was {page}).");
        }

        if (PipelineId is { } pipelineId && pipelineId <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, pipelineId, $"{paramName}.PipelineId must be greater than zero when set (was {pipelineId}).");
        }

        if (StageId is { } stageId && stageId <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, stageId, $"{paramName}.StageId must be greater than zero when set (was {stageId}).");
        }

        foreach (var (name, value) in new[] { ("ReferenceType", ReferenceType), ("ReferenceId", ReferenceId), ("Search", Search) })
        {
            if (value is not null && value.Any(char.IsControl))
            {
                throw new ArgumentException($"{paramName}.{name} must not contain control characters.", paramName);
            }
        }
    }
}
