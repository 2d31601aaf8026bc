namespace ElasticFunnels.Crm;

/// <summary>
/// Creates clients for brands known only at run time (agencies, SaaS applications with a brand per
/// tenant), from a brand id and its access key. Register it with
/// <c>services.AddElasticFunnelsCrmClientFactory(o =&gt; ...)</c>; the implementation is
/// <see cref="ElasticFunnelsCrmClientFactory"/>. Mock this interface to test code that uses it.
/// </summary>
public interface IElasticFunnelsCrmClientFactory
{
    /// <summary>
    /// Returns the client of a brand and key: the cached one when there is one, else a new one with the
    /// factory's shared settings. Cheap enough to call for every operation, which is the intended use: a
    /// client that has left the cache keeps working, but holding one for long defeats the bound.
    /// </summary>
    /// <param name="brandId">The brand (project) id; greater than zero.</param>
    /// <param name="accessKey">The brand's API key. It is never kept in clear outside the client that sends it, and never logged.</param>
    /// <returns>A thread-safe client for the brand.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="brandId"/> is zero or negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="accessKey"/> is null, empty, white space, or holds characters an HTTP header cannot carry.</exception>
    IElasticFunnelsCrmClient GetClient(long brandId, string accessKey);
}
