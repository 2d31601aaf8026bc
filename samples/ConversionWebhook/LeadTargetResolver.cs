using ElasticFunnels.Crm;
using Microsoft.Extensions.Options;

namespace ConversionWebhook;

/// <summary>
/// Finds the leads entity by slug once (creating it from the preset when it does not exist) and
/// remembers it. A failed lookup is retried on the next delivery.
/// </summary>
public sealed class LeadTargetResolver(IElasticFunnelsCrmClient crm, IOptions<ConversionWebhookOptions> options, ILogger<LeadTargetResolver> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LeadTarget? _target;

    public async Task<LeadTarget> GetAsync(CancellationToken cancellationToken)
    {
        if (_target is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _target ??= await ResolveAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<LeadTarget> ResolveAsync(CancellationToken cancellationToken)
    {
        var slug = options.Value.EntitySlug;
        var entities = await crm.Entities.ListAsync(cancellationToken);
        var id = entities.FirstOrDefault(e => e.Slug == slug)?.Id;
        if (id is null)
        {
            var created = await crm.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = slug, Preset = "leads" }, cancellationToken);
            Log.EntityCreated(logger, slug, created.Id);
            id = created.Id;
        }

        var entity = await crm.Entities.GetAsync(id.Value, cancellationToken);
        var pipeline = entity.Pipelines.OrderByDescending(p => p.IsDefault == true).ThenBy(p => p.Id).FirstOrDefault()
            ?? throw new InvalidOperationException($"The entity '{slug}' ({entity.Id}) has no pipeline; create one with at least one stage.");
        var stages = pipeline.Stages.Count > 0 ? pipeline.Stages : await crm.Stages.ListAsync(pipeline.Id, cancellationToken);
        var first = stages.OrderBy(s => s.Position ?? int.MaxValue).ThenBy(s => s.Id).FirstOrDefault()
            ?? throw new InvalidOperationException($"The pipeline '{pipeline.Name}' ({pipeline.Id}) has no stages.");
        var fields = entity.Fields.Count > 0 ? entity.Fields : await crm.Fields.ListAsync(entity.Id, cancellationToken);
        return new LeadTarget(entity.Id, pipeline.Id, first.Id, fields);
    }
}
