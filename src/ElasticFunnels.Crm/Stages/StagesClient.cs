using ElasticFunnels.Crm.Http;

namespace ElasticFunnels.Crm;

internal sealed class StagesClient(IStagesApi api, CrmCallRunner runner) : IStagesClient
{
    public Task<IReadOnlyList<Stage>> ListAsync(long pipelineId, CancellationToken cancellationToken = default) =>
        ListAsync(pipelineId, null, cancellationToken);

    public Task<IReadOnlyList<Stage>> ListAsync(long pipelineId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareList(pipelineId, requestOptions), cancellationToken);

    public Task<CrmResponse<IReadOnlyList<Stage>>> ListWithResponseAsync(long pipelineId, CancellationToken cancellationToken = default) =>
        ListWithResponseAsync(pipelineId, null, cancellationToken);

    public Task<CrmResponse<IReadOnlyList<Stage>>> ListWithResponseAsync(long pipelineId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareList(pipelineId, requestOptions), cancellationToken);

    private PreparedCall<IReadOnlyList<Stage>> PrepareList(long pipelineId, CrmRequestOptions? requestOptions)
    {
        Guard.Id(pipelineId, nameof(pipelineId));

        return runner.Prepare("Stages.List", requestOptions, ResponseBody.List<Stage>(), (call, ct) => api.List(runner.BrandId, pipelineId, call, ct));
    }

    public Task<Stage> GetAsync(long stageId, CancellationToken cancellationToken = default) =>
        GetAsync(stageId, null, cancellationToken);

    public Task<Stage> GetAsync(long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareGet(stageId, requestOptions), cancellationToken);

    public Task<CrmResponse<Stage>> GetWithResponseAsync(long stageId, CancellationToken cancellationToken = default) =>
        GetWithResponseAsync(stageId, null, cancellationToken);

    public Task<CrmResponse<Stage>> GetWithResponseAsync(long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareGet(stageId, requestOptions), cancellationToken);

    private PreparedCall<Stage> PrepareGet(long stageId, CrmRequestOptions? requestOptions)
    {
        Guard.Id(stageId, nameof(stageId));

        return runner.Prepare("Stages.Get", requestOptions, ResponseBody.Object<Stage>(), (call, ct) => api.Get(runner.BrandId, stageId, call, ct));
    }

    public Task<Stage> CreateAsync(long pipelineId, StageCreateRequest request, CancellationToken cancellationToken = default) =>
        CreateAsync(pipelineId, request, null, cancellationToken);

    public Task<Stage> CreateAsync(long pipelineId, StageCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareCreate(pipelineId, request, requestOptions), cancellationToken);

    public Task<CrmResponse<Stage>> CreateWithResponseAsync(long pipelineId, StageCreateRequest request, CancellationToken cancellationToken = default) =>
        CreateWithResponseAsync(pipelineId, request, null, cancellationToken);

    public Task<CrmResponse<Stage>> CreateWithResponseAsync(long pipelineId, StageCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareCreate(pipelineId, request, requestOptions), cancellationToken);

    private PreparedCall<Stage> PrepareCreate(long pipelineId, StageCreateRequest request, CrmRequestOptions? requestOptions)
    {
        Guard.Id(pipelineId, nameof(pipelineId));
        ArgumentNullException.ThrowIfNull(request);
        Guard.Required(request.Name, nameof(request), nameof(request.Name));
        CheckPosition(request.Position, nameof(request));

        return runner.Prepare("Stages.Create", requestOptions, ResponseBody.Object<Stage>(), (call, ct) => api.Create(runner.BrandId, pipelineId, request, call, ct));
    }

    public Task<Stage> UpdateAsync(long stageId, StageUpdateRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(stageId, request, null, cancellationToken);

    public Task<Stage> UpdateAsync(long stageId, StageUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareUpdate(stageId, request, requestOptions), cancellationToken);

    public Task<CrmResponse<Stage>> UpdateWithResponseAsync(long stageId, StageUpdateRequest request, CancellationToken cancellationToken = default) =>
        UpdateWithResponseAsync(stageId, request, null, cancellationToken);

    public Task<CrmResponse<Stage>> UpdateWithResponseAsync(long stageId, StageUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareUpdate(stageId, request, requestOptions), cancellationToken);

    private PreparedCall<Stage> PrepareUpdate(long stageId, StageUpdateRequest request, CrmRequestOptions? requestOptions)
    {
        Guard.Id(stageId, nameof(stageId));
        ArgumentNullException.ThrowIfNull(request);
        Guard.NotBlankWhenSet(request.Name, nameof(request), nameof(request.Name));
        CheckPosition(request.Position, nameof(request));

        return runner.Prepare("Stages.Update", requestOptions, ResponseBody.Object<Stage>(), (call, ct) => api.Update(runner.BrandId, stageId, request, call, ct));
    }

    public Task ReorderAsync(IEnumerable<StagePosition> stages, CancellationToken cancellationToken = default) =>
        ReorderAsync(stages, null, cancellationToken);

    public Task ReorderAsync(IEnumerable<StagePosition> stages, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.SendAsync(PrepareReorder(stages, requestOptions), cancellationToken);

    public Task<CrmResponse> ReorderWithResponseAsync(IEnumerable<StagePosition> stages, CancellationToken cancellationToken = default) =>
        ReorderWithResponseAsync(stages, null, cancellationToken);

    public Task<CrmResponse> ReorderWithResponseAsync(IEnumerable<StagePosition> stages, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.SendWithResponseAsync(PrepareReorder(stages, requestOptions), cancellationToken);

    private PreparedCall<bool> PrepareReorder(IEnumerable<StagePosition> stages, CrmRequestOptions? requestOptions)
    {
        var body = CheckReorder(stages);

        return runner.Prepare("Stages.Reorder", requestOptions, ResponseBody.None, (call, ct) => api.Reorder(runner.BrandId, body, call, ct));
    }

    public Task DeleteAsync(long stageId, CancellationToken cancellationToken = default) =>
        DeleteAsync(stageId, null, cancellationToken);

    public Task DeleteAsync(long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.SendAsync(PrepareDelete(stageId, requestOptions), cancellationToken);

    public Task<CrmResponse> DeleteWithResponseAsync(long stageId, CancellationToken cancellationToken = default) =>
        DeleteWithResponseAsync(stageId, null, cancellationToken);

    public Task<CrmResponse> DeleteWithResponseAsync(long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.SendWithResponseAsync(PrepareDelete(stageId, requestOptions), cancellationToken);

    private PreparedCall<bool> PrepareDelete(long stageId, CrmRequestOptions? requestOptions)
    {
        Guard.Id(stageId, nameof(stageId));

        return runner.Prepare("Stages.Delete", requestOptions, ResponseBody.None, (call, ct) => api.Delete(runner.BrandId, stageId, call, ct));
    }

    private static StageReorderRequest CheckReorder(IEnumerable<StagePosition> stages)
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

        return new StageReorderRequest(list);
    }

    private static void CheckPosition(int? position, string paramName)
    {
        if (position is < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, position, $"{paramName}.Position is 0-based and cannot be negative (was {position}).");
        }
    }
}
