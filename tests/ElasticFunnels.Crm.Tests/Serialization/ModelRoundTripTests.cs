using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Serialization;

/// <summary>
/// Every public response model serializes, reads back, and serializes again to the same JSON, with
/// reflection (web and plain defaults), with the public source-generated context, and with an app's own
/// options; and every way writes the same JSON as the web defaults do.
/// </summary>
public sealed class ModelRoundTripTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Serializers => [ModelSerializers.Web, ModelSerializers.Reflection, ModelSerializers.Context, ModelSerializers.Foreign];

    [Theory]
    [MemberData(nameof(Serializers))]
    public async Task Serialize_ModelsFromTheEmulator_RoundTripToTheSameJson(string serializer)
    {
        await using var crm = await EmulatorClient.CreateAsync();

        AssertRoundTrips(serializer, await ModelSamples.FromEmulatorAsync(crm, Ct));
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Serialize_ModelsFromTheFactory_RoundTripToTheSameJson(string serializer)
    {
        AssertRoundTrips(serializer, ModelSamples.FromFactory());
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Serialize_ModelsReadFromEveryWireShape_RoundTripToTheSameJson(string serializer)
    {
        AssertRoundTrips(serializer, ModelSamples.FromWireFixtures());
    }

    private static void AssertRoundTrips(string serializer, IReadOnlyList<ModelSample> samples)
    {
        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            var json = ModelSerializers.Serialize(serializer, sample);
            var back = ModelSerializers.Deserialize(serializer, sample.Type, json);
            var again = ModelSerializers.Serialize(serializer, sample with { Value = back });

            Assert.True(json == again, $"{sample} did not round-trip with {serializer}:\n{json}\n{again}");
            var web = ModelSerializers.Serialize(ModelSerializers.Web, sample);
            Assert.True(json == web, $"{sample} with {serializer} differs from the web defaults:\n{json}\n{web}");
        }
    }
}
