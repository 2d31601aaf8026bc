using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing.Tests;

public sealed class PhpEmptyArrayTests
{
    [Theory]
    [InlineData(false, "{}")]
    [InlineData(true, "[]")]
    public async Task EntryWithoutValues_ValuesFlatShape_FollowsOption(bool phpStyle, string expected)
    {
        await using var api = new Api(new CrmEmulatorOptions { SeedLeadsEntity = true, EmptyValuesFlatAsArray = phpStyle });

        var created = await api.Post("entities/1/entries", """{"title":"Jane","pipeline_id":1,"stage_id":1}""");
        var listed = await api.Get("entities/1/entries");

        Assert.Equal(expected, created.Body["values_flat"]!.ToJsonString());
        Assert.Equal(expected, listed.Body["data"]![0]!["values_flat"]!.ToJsonString());
    }

    [Fact]
    public async Task EntryWithValues_IsAnObjectEitherWay()
    {
        await using var api = new Api(new CrmEmulatorOptions { SeedLeadsEntity = true, EmptyValuesFlatAsArray = true });

        var created = await api.Post("entities/1/entries", """{"title":"Jane","pipeline_id":1,"stage_id":1,"values":{"email":"jane@example.com"}}""");

        Assert.IsType<JsonObject>(created.Body["values_flat"]);
    }
}
