using System.Net;
using System.Text;

namespace ElasticFunnels.Crm.Testing.Tests;

public sealed class AuthAndRoutingTests
{
    [Fact]
    public async Task AnyRoute_MissingKey_Returns404NotFound()
    {
        await using var api = Api.Seeded();
        api.Http.DefaultRequestHeaders.Remove("EF-Access-Key");

        var result = await api.Get("entities");

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal("""{"message":"Not Found"}""", result.Text);
        Assert.Equal("application/json", result.ContentType);
    }

    [Fact]
    public async Task AnyRoute_WrongKey_Returns401InvalidApiKey()
    {
        await using var api = Api.Seeded();
        api.Http.DefaultRequestHeaders.Remove("EF-Access-Key");
        api.Http.DefaultRequestHeaders.Add("EF-Access-Key", "ef_wrong");

        var result = await api.Post("entities", """{"name":"X","slug":"x"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.Equal("Invalid API key", result.Body["message"]!.GetValue<string>());
        using var keyed = api.Emulator.CreateClient();
        Assert.Single(System.Text.Json.Nodes.JsonNode.Parse(await keyed.GetStringAsync("brands/42/crm/entities"))!.AsArray());
    }

    [Fact]
    public async Task AnyRoute_OtherBrand_Returns401BrandAccessDenied()
    {
        await using var api = Api.Seeded();

        var result = await api.Http.GetAsync("brands/43/crm/entities");
        var text = await result.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, result.StatusCode);
        Assert.Equal("""{"message":"Invalid API key or brand access denied"}""", text);
    }

    [Fact]
    public async Task CustomOptions_KeyAndBrand_AreEnforced()
    {
        await using var emulator = new CrmEmulator(new CrmEmulatorOptions { AccessKey = "k2", BrandId = 7 });
        using var http = emulator.CreateClient();

        var ok = await http.GetAsync("brands/7/crm/entities");
        var otherBrand = await http.GetAsync("brands/42/crm/entities");

        Assert.Equal("k2", emulator.AccessKey);
        Assert.Equal(7, emulator.BrandId);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherBrand.StatusCode);
    }

    [Fact]
    public async Task AdditionalAccessKeys_AreAcceptedForTheBrandAndRedactedFromRecordings()
    {
        var options = new CrmEmulatorOptions { AdditionalAccessKeys = { "ef_second_key", "ef_third_key" } };
        await using var emulator = new CrmEmulator(options);
        using var second = emulator.CreateClient("ef_second_key");
        using var third = emulator.CreateClient("ef_third_key");

        var fromSecond = await second.GetAsync("brands/42/crm/entities");
        var fromThird = await third.GetAsync("brands/42/crm/entities");
        var otherBrand = await third.GetAsync("brands/43/crm/entities");

        Assert.Equal(HttpStatusCode.OK, fromSecond.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromThird.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherBrand.StatusCode);
        Assert.All(emulator.Requests, r => Assert.Equal("***", r.Headers["EF-Access-Key"]));
        Assert.DoesNotContain(emulator.Requests, r => r.ToString().Contains("ef_second_key", StringComparison.Ordinal) || r.ToString().Contains("ef_third_key", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { " " }, "AdditionalAccessKeys[0] is null, empty or whitespace")]
    [InlineData(new[] { "ef_secret_a", "ef_test_key" }, "AdditionalAccessKeys[1] repeats another accepted key")]
    [InlineData(new[] { "ef_secret_a", "ef_secret_a" }, "AdditionalAccessKeys[1] repeats another accepted key")]
    public void AdditionalAccessKeys_EmptyOrRepeated_ThrowNamingThePositionNotTheKey(string[] keys, string expected)
    {
        var options = new CrmEmulatorOptions();
        foreach (var key in keys)
        {
            options.AdditionalAccessKeys.Add(key);
        }

        var error = Assert.Throws<ArgumentException>(() => new CrmEmulator(options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ef_secret_a", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ef_test_key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateClient_BlankKey_Throws()
    {
        using var emulator = new CrmEmulator();

        Assert.Equal("accessKey", Assert.Throws<ArgumentException>(() => emulator.CreateClient(" ")).ParamName);
    }

    [Theory]
    [InlineData("GET", "/api/brands/42/crm/unknown")]
    [InlineData("GET", "/api/brands/42/crm")]
    [InlineData("GET", "/api/brands/42/other/entities")]
    [InlineData("GET", "/api/brands/abc/crm/entities")]
    [InlineData("GET", "/api/brands/42/crm/entities/abc")]
    [InlineData("PATCH", "/api/brands/42/crm/entities/1")]
    [InlineData("POST", "/api/brands/42/crm/entries/x")]
    [InlineData("GET", "/")]
    public async Task UnknownRoute_Returns404Json(string method, string path)
    {
        await using var api = Api.Seeded();

        var result = await api.SendRaw(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal("Not Found", result.Body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task TrailingSlash_IsTolerated()
    {
        await using var api = Api.Seeded();

        var result = await api.Get("entities/");

        Assert.Equal(HttpStatusCode.OK, result.Status);
    }

    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public async Task Create_MalformedJson_Returns400Message(string body)
    {
        await using var api = Api.Seeded();

        var result = await api.Post("entities", body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.False(string.IsNullOrEmpty(result.Body["message"]!.GetValue<string>()));
        Assert.Single((await api.Get("entities")).Body.AsArray());
    }

    [Fact]
    public async Task Create_EmptyBody_IsValidationErrorNotBadRequest()
    {
        await using var api = Api.Seeded();
        using var request = new HttpRequestMessage(HttpMethod.Post, api.Crm("entities")) { Content = new StringContent(string.Empty, Encoding.UTF8, "application/json") };

        var result = await api.SendRaw(request);

        Assert.NotEmpty(result.ErrorsFor("name"));
    }
}
