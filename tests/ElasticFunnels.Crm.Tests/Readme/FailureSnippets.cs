using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>The README's Errors and Retries snippets, compiled and run.</summary>
public sealed class FailureSnippets
{
    [Fact]
    public async Task Errors_CatchTypedExceptions_ValidationBranchRuns()
    {
        using var stub = new CrmStub().Respond("POST", "/api/brands/42/crm/entities/1/entries", 422, """{"errors":{"title":["The title field is required."]}}""");
        var crm = stub.Client;
        const long entityId = 1;
        var request = new EntryCreateRequest { Title = "Jane", PipelineId = 1, StageId = 1 };
        var cancellationToken = TestContext.Current.CancellationToken;
        var output = ConsoleCapture.Start();
        try
        {

        #region Errors
        try
        {
            var lead = await crm.Entries.CreateAsync(entityId, request, cancellationToken);
        }
        catch (CrmValidationException ex)
        {
            // 400 or 422: FieldErrors says what to fix, e.g. title → ["The title field is required."]
            foreach (var (field, messages) in ex.FieldErrors)
            {
                Console.WriteLine($"{field}: {string.Join(" ", messages)}");
            }
        }
        catch (CrmRateLimitException ex)
        {
            // 429 that could not be waited out within the call's Timeout; RetryAfter is the server's hint, when it gave one.
            Console.WriteLine($"Slow down; retry in {ex.RetryAfter ?? TimeSpan.FromMinutes(1)}");
        }
        catch (CrmTimeoutException)
        {
            // The SDK's Timeout or AttemptTimeout, not your token. A create may or may not have
            // happened: look it up by reference_type/reference_id before sending it again.
        }
        catch (CrmApiException ex)
        {
            // Any other status: ex.StatusCode, ex.Error.Method, ex.Error.PathTemplate, ex.ApiMessage, ex.ErrorCode.
            Console.WriteLine(ex.Message);
        }
        #endregion
        }
        finally
        {
            output.Dispose();
        }

        Assert.Contains("title: The title field is required." + Environment.NewLine, output.Text);
    }

    [Fact]
    public void RetrySettings_InCode_ReachTheClient()
    {
        string[] args = [];
        const string key = "k";
        var builder = Host.CreateApplicationBuilder(args);

        #region RetrySettings
        builder.Services.AddElasticFunnelsCrm(o =>
        {
            o.AccessKey = key;
            o.BrandId = 42;
            o.Timeout = TimeSpan.FromSeconds(60);         // the whole call, retries and waits included
            o.AttemptTimeout = TimeSpan.FromSeconds(20);  // one attempt, reading the body included
            o.Retry.MaxRetryAttempts = 5;
            o.Retry.MaxRetryAfter = TimeSpan.FromSeconds(10);
            o.CircuitBreaker.Enabled = false;
        });
        #endregion

        using var host = builder.Build();
        Assert.Equal(42, host.Services.GetRequiredService<IElasticFunnelsCrmClient>().BrandId);
        var options = host.Services.GetRequiredService<IOptions<ElasticFunnelsCrmOptions>>().Value;
        Assert.Equal(5, options.Retry.MaxRetryAttempts);
        Assert.False(options.CircuitBreaker.Enabled);
    }

    [Fact]
    public async Task Cancellation_YourTokenVersusTheSdksTimeout_CancellationBranchRuns()
    {
        await using var server = RawHttpServer.Start(exchange => exchange.StaySilentAsync());
        using var crm = TestOptions.Client(server.BaseAddress);
        var cancelled = false;

        #region Cancellation
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        try
        {
            await crm.Entities.ListAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // Your token: the SDK stops at once, in whatever phase the call was.
            cancelled = true;
        }
        catch (CrmTimeoutException)
        {
            // The SDK's own Timeout or AttemptTimeout.
        }
        #endregion

        Assert.True(cancelled);
    }
}
