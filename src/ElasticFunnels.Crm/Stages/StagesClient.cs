using ElasticFunnels.Crm.Internal;

namespace ElasticFunnels.Crm;

internal sealed class StagesClient(IStagesApi api, ApiInvoker invoker, long brandId) : IStagesClient
{
    public Task<IReadOnlyList<Stage>> ListAsync(long pipelineId, CancellationToken cancellationToken = default)
    {
        Guard.Id(pipelineId, nameof(pipelineId));
        return invoker.ListAsync<Stage>(ct => api.List(brandId, pipelineId, ct), cancellationToken);
    }

    public Task<Stage> GetAsync(long stageId, CancellationToken cancellationToken = default)
    {
        Guard.Id(stageId, nameof(stageId));
        return invoker.GetAsync<Stage>(ct => api.Get(brandId, stageId, ct), cancellationToken);
    }

    public Task<Stage> CreateAsync(long pipelineId, StageCreateRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(pipelineId, nameof(pipelineId));
        ArgumentNullException.ThrowIfNull(request);
        Guard.Required(request.Name, nameof(request), nameof(request.Name));
        CheckPosition(request.Position, nameof(request));
        return invoker.GetAsync<Stage>(ct => api.Create(brandId, pipelineId, request, ct), cancellationToken);
    }

    public Task<Stage> UpdateAsync(long stageId, StageUpdateRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(stageId, nameof(stageId));
        ArgumentNullException.ThrowIfNull(request);
        Guard.NotBlankWhenSet(request.Name, nameof(request), nameof(request.Name));
        CheckPosition(request.Position, nameof(request));
        return invoker.GetAsync<Stage>(ct => api.Update(brandId, stageId, request, ct), cancellationToken);
    }

    public Task ReorderAsync(IEnumerable<StagePosition> stages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var list = stages.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("stages must contain at least one stage position.", nameof(stages));
        }

        var seen = new HashSet<long>();
        foreach (var stage in list)
        {
            if (stage is null)
            {
                throw new ArgumentException("stages must not contain null.", nameof(stages));
            }

            if (stage.Id <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(stages), stage.Id, $"Every stage id must be greater than zero (was {stage.Id}).");
            }

            if (stage.Position < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(stages), stage.Position, $"Stage {stage.Id} has position {stage.Position}; positions are 0-based and cannot be negative.");
            }

            if (!seen.Add(stage.Id))
            {
                throw new ArgumentException($"Stage {stage.Id} appears more than once.", nameof(stages));
            }
        }

        var body = new StageReorderRequest(list);
        return invoker.SendAsync(ct => api.Reorder(brandId, body, ct), cancellationToken);
    }

    public Task DeleteAsync(long stageId, CancellationToken cancellationToken = default)
    {
        Guard.Id(stageId, nameof(stageId));
        return invoker.SendAsync(ct => api.Delete(brandId, stageId, ct), cancellationToken);
    }

    private static void CheckPosition(int? position, string paramName)
    {
        if (position is < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, position, $"{paramName}.Position is 0-based and cannot be negative (was {position}).");
        }
    }
}
