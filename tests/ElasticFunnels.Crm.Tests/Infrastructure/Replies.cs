using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>Scripted WireMock answers for fault tests: a sequence of responses, the last one repeating.</summary>
public static class Replies
{
    public const string EntityJson = """{"id":1,"name":"Leads","slug":"leads"}""";

    /// <summary>Answers <paramref name="method"/> requests with the given responses in turn; the last one repeats.</summary>
    public static void Sequence(this CrmStub stub, string method, params Func<IResponseBuilder, IResponseBuilder>[] responses)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = stub.Server.Given(Request.Create().UsingMethod(method)).InScenario("sequence");
            if (i > 0)
            {
                mapping = mapping.WhenStateIs($"step{i}");
            }

            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"step{i + 1}");
            }

            mapping.RespondWith(responses[i](Response.Create()));
        }
    }

    public static Func<IResponseBuilder, IResponseBuilder> Status(int status, string? retryAfter = null, string body = """{"message":"Try again."}""") =>
        r =>
        {
            var response = r.WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
            return retryAfter is null ? response : response.WithHeader("Retry-After", retryAfter);
        };

    public static Func<IResponseBuilder, IResponseBuilder> Ok(int status = 200) => Status(status, body: EntityJson);

    public static Func<IResponseBuilder, IResponseBuilder> Delayed(TimeSpan delay, int status = 200) => r => Ok(status)(r).WithDelay(delay);
}
