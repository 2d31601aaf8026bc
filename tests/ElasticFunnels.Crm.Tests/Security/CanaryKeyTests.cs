using System.Collections;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ElasticFunnels.Crm.Tests.Security;

/// <summary>
/// A full scenario through dependency injection, with every log at Trace (the SDK's, IHttpClientFactory's
/// request logging with headers, Polly's resilience events) and every Activity and metric captured.
/// The server misbehaves in every way it can, echoing the key back, and the canary key must appear nowhere.
/// </summary>
public sealed class CanaryKeyTests
{
    private const string Canary = CrmStub.AccessKey;

    [Fact]
    public async Task FullScenario_CanaryKey_AppearsNowhereButTheApiServer()
    {
        var ct = TestContext.Current.CancellationToken;
        using var thief = WireMockServer.Start();
        thief.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("[]"));
        using var api = WireMockServer.Start();
        Script(api, thief.Url!);

        var telemetry = new List<string>();
        using var activities = ListenToActivities(telemetry);
        using var meters = ListenToMeters(telemetry);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddElasticFunnelsCrm(o =>
        {
            o.AccessKey = Canary;
            o.BrandId = 42;
            o.BaseAddress = new Uri(api.Url + "/api");
            // Generous enough for a cold server on a loaded machine; entity 7 answers well after it.
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(2);
        });
        await using var provider = services.BuildServiceProvider();
        var crm = provider.GetRequiredService<IElasticFunnelsCrmClient>();
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ElasticFunnelsCrmOptions>>().Value;

        var failures = new List<Exception>();
        Assert.Single(await crm.Entities.ListAsync(ct));
        foreach (var id in Enumerable.Range(1, 7))
        {
            failures.Add(await Assert.ThrowsAnyAsync<CrmException>(() => crm.Entities.GetAsync(id, ct)));
        }

        failures.Add(await Assert.ThrowsAnyAsync<CrmException>(() => crm.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads" }, ct)));
        failures.Add(await Assert.ThrowsAnyAsync<ArgumentException>(() => crm.Entries.GetAsync(Canary + "/x", ct)));

        // The scenario really exercised what it claims: typed failures, the redirect, and header logging at Trace.
        Assert.Contains(failures, f => f is CrmAuthenticationException);
        Assert.Contains(failures, f => f is CrmValidationException);
        Assert.Contains(failures, f => f is CrmTimeoutException);
        Assert.Contains(failures, f => f.Message.Contains("redirect (302)", StringComparison.Ordinal));
        Assert.Contains(logs.Records, r => r.Contains("EF-Access-Key: *", StringComparison.Ordinal));
        Assert.Contains(logs.Records, r => r.Contains("OnRetry", StringComparison.Ordinal));
        // Listeners are process-wide, so other tests' spans keep arriving: read a snapshot.
        List<string> seen;
        lock (telemetry)
        {
            seen = [.. telemetry];
        }

        Assert.NotEmpty(seen);
        Assert.All(api.LogEntries.Where(e => e.RequestMessage!.Path.StartsWith("/api/", StringComparison.Ordinal)), e => Assert.Equal(Canary, Assert.Single(e.RequestMessage!.Headers!["EF-Access-Key"])));

        Assert.Empty(thief.LogEntries);
        AssertNoCanary("logs", logs.Records);
        AssertNoCanary("telemetry", seen);
        foreach (var failure in failures)
        {
            AssertNoCanary($"{failure.GetType().Name}.ToString()", [failure.ToString()]);
            AssertNoCanary($"{failure.GetType().Name} properties", Walk(failure));
        }

        AssertNoCanary("ToString()", [crm.ToString()!, options.ToString(), options.Retry.ToString()!, options.CircuitBreaker.ToString()!, .. failures.OfType<CrmApiException>().Select(f => f.Error.ToString())]);
    }

    private static void Script(WireMockServer api, string thief)
    {
        void At(string method, string path, Func<IResponseBuilder, IResponseBuilder> respond) =>
            api.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(respond(Response.Create()));

        const string entities = "/api/brands/42/crm/entities";
        At("GET", entities, r => r.WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""[{"id":1,"name":"Leads"}]"""));
        At("GET", entities + "/1", r => r.WithStatusCode(401).WithHeader("Content-Type", "application/json").WithBody($$"""{"message":"Invalid API key {{Canary}}"}"""));
        At("GET", entities + "/2", r => r.WithStatusCode(302).WithHeader("Location", $"{thief}/{Canary}/login?key={Canary}"));
        At("GET", entities + "/3", r => r.WithStatusCode(422).WithHeader("Content-Type", "application/json").WithBody($$"""{"message":"Bad {{Canary}}","errors":{"{{Canary}}":["{{Canary}} is not valid"]},"error":"{{Canary}}"}"""));
        At("GET", entities + "/4", r => r.WithStatusCode(500).WithHeader("Content-Type", "text/html").WithBody($"<html>stack trace: key={Canary}</html>"));
        At("GET", entities + "/5", r => r.WithStatusCode(503).WithHeader("Content-Type", "application/json").WithHeader("X-Echo-Key", Canary).WithBody($$"""{"message":"down, {{Canary}}"}"""));
        At("GET", entities + "/6", r => r.WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"id\": \"" + Canary + "\""));
        At("GET", entities + "/7", r => r.WithStatusCode(200).WithBody("""{"id":7}""").WithDelay(TimeSpan.FromMilliseconds(2500)));
        At("POST", entities, r => r.WithStatusCode(429).WithHeader("Retry-After", "3600").WithBody($$"""{"message":"slow down {{Canary}}"}"""));
    }

    private static void AssertNoCanary(string where, IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            Assert.False(text.Contains(Canary, StringComparison.Ordinal), $"The access key leaked into {where}: {text}");
        }
    }

    /// <summary>Every public property value reachable from the exception (inner exceptions, Data, Error, field errors...), as text.</summary>
    private static List<string> Walk(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var texts = new List<string>();
        Visit(root, 0);
        return texts;

        void Visit(object? value, int depth)
        {
            if (value is null || depth > 6 || (!value.GetType().IsValueType && !seen.Add(value)))
            {
                return;
            }

            texts.Add(value.ToString() ?? string.Empty);
            if (value is string || value.GetType().IsPrimitive || value is Type || value is MemberInfo)
            {
                return;
            }

            if (value is IEnumerable items)
            {
                foreach (var item in items)
                {
                    Visit(item, depth + 1);
                }
            }

            if (value is DictionaryEntry entry)
            {
                Visit(entry.Key, depth + 1);
                Visit(entry.Value, depth + 1);
            }

            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.Name is "TargetSite" or "StackTrace")
                {
                    continue;
                }

                object? child;
                try
                {
                    child = property.GetValue(value);
                }
                catch (TargetInvocationException)
                {
                    continue;
                }

                Visit(child, depth + 1);
            }
        }
    }

    private static ActivityListener ListenToActivities(List<string> sink)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (sink)
                {
                    sink.Add($"{activity.Source.Name} {activity.DisplayName} {activity.StatusDescription} " + string.Join("; ", activity.TagObjects.Select(t => $"{t.Key}={t.Value}")) + string.Join("; ", activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}"))));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static MeterListener ListenToMeters(List<string> sink)
    {
        var listener = new MeterListener { InstrumentPublished = (instrument, l) => l.EnableMeasurementEvents(instrument) };
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            var text = $"{instrument.Meter.Name} {instrument.Name}={value} " + string.Join("; ", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
            lock (sink)
            {
                sink.Add(text);
            }
        }

        listener.SetMeasurementEventCallback<double>(Record);
        listener.SetMeasurementEventCallback<long>(Record);
        listener.SetMeasurementEventCallback<int>(Record);
        listener.Start();
        return listener;
    }
}
