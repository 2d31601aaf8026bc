using System.Text.Json;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm.Tests.Serialization;

/// <summary>Reading is tolerant of every shape api-notes.md lists.</summary>
public sealed class TolerantReadingTests
{
    private static T Read<T>(string json) where T : class =>
        JsonSerializer.Deserialize(json, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Envelope<T>>)CrmJsonContext.Default.GetTypeInfo(typeof(Envelope<T>))!).Value!;

    private static IReadOnlyList<T> ReadList<T>(string json) where T : class =>
        JsonSerializer.Deserialize(json, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ListEnvelope<T>>)CrmJsonContext.Default.GetTypeInfo(typeof(ListEnvelope<T>))!).Items!;

    [Fact]
    public void Entity_EntityModeAlias_IsRead()
    {
        Assert.Equal(EntityMode.Data, Read<CrmEntity>("""{"id":9,"name":"Log","entity_mode":"data"}""").Mode);
    }

    [Fact]
    public void Entity_ModeProperty_IsRead()
    {
        Assert.Equal(EntityMode.Data, Read<CrmEntity>("""{"id":9,"name":"Log","mode":"DATA"}""").Mode);
    }

    [Fact]
    public void Entity_NoMode_IsCrm()
    {
        Assert.Equal(EntityMode.Crm, Read<CrmEntity>("""{"id":9,"name":"Log"}""").Mode);
    }

    [Fact]
    public void Entity_UnknownMode_RoundTripsUnchanged()
    {
        Assert.Equal("archive", Read<CrmEntity>("""{"id":9,"mode":"archive"}""").Mode.Value);
    }
}
