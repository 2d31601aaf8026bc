namespace ElasticFunnels.Crm.Http;

/// <summary>
/// A call a resource client has checked and named, ready for the runner: the operation, its settings,
/// how to read the body, and the Refit method that builds and sends the request. Preparing it checks
/// everything the caller passed, so a bad argument fails before any request.
/// </summary>
/// <typeparam name="T">The value the body carries.</typeparam>
internal readonly record struct PreparedCall<T>(
    string Operation,
    CrmCallSettings Settings,
    ResponseBody<T> Body,
    Func<CrmCall, CancellationToken, Task<HttpResponseMessage>> Send);
