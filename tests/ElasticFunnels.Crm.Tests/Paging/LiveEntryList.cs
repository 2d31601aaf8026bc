using System.Globalization;
using System.Text.Json.Nodes;
using ElasticFunnels.Crm.Tests.Infrastructure;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ElasticFunnels.Crm.Tests.Paging;

/// <summary>
/// Serves <c>GET /api/brands/42/crm/entities/1/entries</c> from a list the test can change between
/// two page requests (newest first, paged by number like the API), so shifting data can be replayed.
/// </summary>
public sealed class LiveEntryList
{
    public const string Path = "/api/brands/42/crm/entities/1/entries";

    private readonly List<string> _ids;
    private readonly Lock _gate = new();
    private int _served;

    public LiveEntryList(CrmStub stub, IEnumerable<string> idsNewestFirst)
    {
        Stub = stub;
        _ids = [.. idsNewestFirst];
        stub.Server
            .Given(Request.Create().WithPath(Path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Serve));
    }

    public CrmStub Stub { get; }

    /// <summary>Runs after the n-th request (1-based) was answered, before the next one.</summary>
    public Action<int>? AfterRequest { get; set; }

    /// <summary>Ids e{count} (newest) down to e1.</summary>
    public static IEnumerable<string> Ids(int count) => Enumerable.Range(1, count).Reverse().Select(i => $"e{i}");

    public void Insert(string id)
    {
        lock (_gate)
        {
            _ids.Insert(0, id);
        }
    }

    public void Remove(string id)
    {
        lock (_gate)
        {
            _ids.Remove(id);
        }
    }

    /// <summary>The exact query of every request received, in order.</summary>
    public IReadOnlyList<Dictionary<string, string>> Queries() =>
        [.. Stub.Requests.Select(r => CrmStub.ParseQuery(new Uri(r.RequestMessage!.AbsoluteUrl).Query))];

    /// <summary>The page number of every request received, in order.</summary>
    public IReadOnlyList<int> PagesRequested() => [.. Queries().Select(q => int.Parse(q["page"], CultureInfo.InvariantCulture))];

    private string Serve(IRequestMessage request)
    {
        lock (_gate)
        {
            var query = CrmStub.ParseQuery(new Uri(request.AbsoluteUrl).Query);
            var page = query.TryGetValue("page", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : 1;
            var perPage = query.TryGetValue("per_page", out var n) ? int.Parse(n, CultureInfo.InvariantCulture) : 25;
            var lastPage = Math.Max(1, (_ids.Count + perPage - 1) / perPage);
            var body = new JsonObject
            {
                ["data"] = new JsonArray([.. _ids.Skip((page - 1) * perPage).Take(perPage).Select(id => (JsonNode)new JsonObject { ["id"] = id, ["title"] = $"Lead {id}" })]),
                ["current_page"] = page,
                ["last_page"] = lastPage,
                ["per_page"] = perPage,
                ["total"] = _ids.Count,
            }.ToJsonString();

            AfterRequest?.Invoke(++_served);
            return body;
        }
    }
}
