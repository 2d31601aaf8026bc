using Microsoft.Extensions.Logging;

namespace ElasticFunnels.Crm.Diagnostics;

/// <summary>Source-generated log messages. They carry the method, route and path, never headers or bodies.</summary>
internal static partial class CrmLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "ElasticFunnels CRM {Operation}: {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms after {ResendCount} retries")]
    public static partial void RequestCompleted(ILogger logger, string operation, string method, string path, int statusCode, double elapsedMilliseconds, int resendCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "ElasticFunnels CRM {Operation}: {Method} {Path} failed with {ErrorType} in {ElapsedMilliseconds:0.0} ms after {ResendCount} retries")]
    public static partial void RequestFailed(ILogger logger, string operation, string method, string path, string errorType, double elapsedMilliseconds, int resendCount);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "ElasticFunnels CRM rate-limit store {Store} failed ({ErrorType}: {ErrorMessage}); requests use this process's budget for the next {RetrySeconds} s")]
    public static partial void RateLimitStoreUnavailable(ILogger logger, string store, double retrySeconds, string errorType, string errorMessage);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "ElasticFunnels CRM client {Client}: the configuration was reloaded with a new access key; calls that start from now on use it")]
    public static partial void AccessKeyRotated(ILogger logger, string client);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "ElasticFunnels CRM client {Client}: the reloaded configuration is invalid ({Problems}); the client keeps running with its last valid access key")]
    public static partial void ReloadedOptionsInvalid(ILogger logger, string client, string problems);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "ElasticFunnels CRM client {Client}: the reloaded configuration changes {Settings}; a running client follows only AccessKey, so these apply after a restart")]
    public static partial void ReloadedOptionsIgnored(ILogger logger, string client, string settings);
}
