using System.CommandLine;
using ElasticFunnels.Crm.Cli.App;

namespace ElasticFunnels.Crm.Cli.Commands;

/// <summary>The API's documented entry list filters as options, shared by <c>entries list</c> and <c>export</c>.</summary>
internal sealed class EntryFilterOptions
{
    private readonly Option<long?> _pipeline = new("--pipeline") { Description = "Only entries in this pipeline (id)." };
    private readonly Option<long?> _stage = new("--stage") { Description = "Only entries in this stage (id)." };
    private readonly Option<string?> _referenceType = new("--reference-type") { Description = "Only entries with this reference type." };
    private readonly Option<string?> _referenceId = new("--reference-id") { Description = "Only entries with this reference id." };
    private readonly Option<string?> _search = new("--search", "-q") { Description = "Only entries whose title matches (the API's q)." };
    private readonly Option<bool> _customer = new("--include-customer") { Description = "Include each entry's linked customer (JSON output)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _pipeline, _stage, _referenceType, _referenceId, _search, _customer })
        {
            command.Add(option);
        }
    }

    public EntryListOptions Read(CommandContext c, int? perPage) => new()
    {
        PipelineId = c.Get(_pipeline),
        StageId = c.Get(_stage),
        ReferenceType = c.Get(_referenceType),
        ReferenceId = c.Get(_referenceId),
        Search = c.Get(_search),
        IncludeCustomer = c.Get(_customer) ? true : null,
        PerPage = perPage,
    };
}
