using System.Reflection;

namespace ElasticFunnels.Crm.Tests;

public sealed class CrmModelFactoryTests
{
    [Fact]
    public void Entry_WithValues_ReadsThemThroughTheTypedView()
    {
        var entry = CrmModelFactory.Entry("e1", "Jane", pipelineId: 1, stageId: 2, values: new Dictionary<string, FieldValue> { ["email"] = "jane@example.com", ["deal_value"] = 12.5m });

        Assert.Equal("e1", entry.Id);
        Assert.Equal(2, entry.StageId);
        Assert.Equal("jane@example.com", entry.Values.GetString("email"));
        Assert.Equal(12.5m, entry.Values.GetDecimal("deal_value"));
    }

    [Fact]
    public void CrmEntity_WithPipelinesAndFields_BuildsTheGraph()
    {
        var entity = CrmModelFactory.CrmEntity(
            1,
            "Leads",
            mode: EntityMode.Crm,
            pipelines: [CrmModelFactory.Pipeline(1, "Sales", [CrmModelFactory.Stage(1, "New", 0), CrmModelFactory.Stage(2, "Won", 1, status: StageStatus.Won)])],
            fields: [CrmModelFactory.CustomField(1, "source", FieldType.Select, options: ["Facebook", "Google"])]);

        Assert.Equal(StageStatus.Won, entity.Pipelines[0].Stages[1].Status);
        Assert.Equal(["Facebook", "Google"], entity.Fields[0].Options.Select(o => o.Value));
        Assert.Equal("source", entity.Fields[0].Name);
    }

    [Fact]
    public void Response_WithRequestIdHeader_ExposesValueAndRawFields()
    {
        var response = CrmModelFactory.Response(
            CrmModelFactory.Entry("a"),
            System.Net.HttpStatusCode.Created,
            new Dictionary<string, string> { ["X-Request-Id"] = "req-7" },
            method: "POST",
            path: "/api/brands/42/crm/entities/1/entries",
            attempts: 2,
            duration: TimeSpan.FromMilliseconds(12));

        Assert.Equal("a", response.Value.Id);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("req-7", response.RequestId);
        Assert.Equal("req-7", response.Headers["x-request-id"]);
        Assert.Equal(2, response.Attempts);
        Assert.Equal("201 POST /api/brands/42/crm/entities/1/entries (2 attempts, 12 ms, request id req-7)", response.ToString());
    }

    [Theory]
    [InlineData(typeof(EntityPreset))]
    [InlineData(typeof(CrmEntity))]
    [InlineData(typeof(Pipeline))]
    [InlineData(typeof(Stage))]
    [InlineData(typeof(CustomField))]
    [InlineData(typeof(Entry))]
    [InlineData(typeof(EntitySchema))]
    [InlineData(typeof(BulkResult<Entry>))]
    [InlineData(typeof(BulkItemResult<Entry>))]
    [InlineData(typeof(BulkItemError))]
    public void ResponseModels_AreImmutableToUsers(Type model)
    {
        foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.True(property.SetMethod is null || !property.SetMethod.IsPublic, $"{model.Name}.{property.Name} has a public setter.");
            var type = property.PropertyType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                continue;
            }

            Assert.False(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>), $"{model.Name}.{property.Name} exposes a mutable list.");
        }
    }
}
