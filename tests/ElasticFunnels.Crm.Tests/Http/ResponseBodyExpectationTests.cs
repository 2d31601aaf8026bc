using System.Net;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>A typed raw call whose success body carries nothing: the message names what was expected, by the caller's words or the type's name.</summary>
public sealed class ResponseBodyExpectationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n")]
    [InlineData("null")]
    public async Task SendAsync_TypedWithNoValueInTheBody_SaysItExpectedJsonForTheType(string body)
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/automations/9", 200, body);

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => stub.Client.SendAsync(new CrmRawRequest(HttpMethod.Get, "automations/9"), RawTestJsonContext.Default.Automation, Ct));

        Assert.Equal("GET /api/brands/42/crm/automations/9 answered 200 with an empty body or JSON null; the SDK expected JSON for Automation.", ex.Message);
        Assert.Null(ex.InnerException);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
    }

    [Fact]
    public void Of_ExpectationGiven_MessagesUseItInsteadOfTheTypeName()
    {
        Assert.Equal("an automation", ResponseBody.Of(RawTestJsonContext.Default.Automation, "an automation").Expected);
        Assert.Equal("JSON for Automation", ResponseBody.Of(RawTestJsonContext.Default.Automation).Expected);
    }
}
