using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ElasticFunnels.Crm.Tests.Serialization;

/// <summary>The ways a user serializes the SDK's models, by name (for theory data).</summary>
public static class ModelSerializers
{
    /// <summary>Reflection with ASP.NET Core's web defaults.</summary>
    public const string Web = "web";

    /// <summary>Reflection with System.Text.Json's plain defaults.</summary>
    public const string Reflection = "reflection";

    /// <summary>The public source-generated context, as an AOT app uses it.</summary>
    public const string Context = "context";

    /// <summary>An app's own options: another naming policy, numbers written as strings, fields included, the context in its chain.</summary>
    public const string Foreign = "foreign";

    private static readonly JsonSerializerOptions ForeignOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseUpper,
        DictionaryKeyPolicy = JsonNamingPolicy.KebabCaseUpper,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.WriteAsString | System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
        IncludeFields = true,
        TypeInfoResolverChain = { CrmModelJsonContext.Default },
    };

    public static JsonTypeInfo TypeInfo(string serializer, Type type) => serializer switch
    {
        Web => JsonSerializerOptions.Web.GetTypeInfo(type),
        Reflection => JsonSerializerOptions.Default.GetTypeInfo(type),
        Context => CrmModelJsonContext.Default.GetTypeInfo(type)
            ?? throw new InvalidOperationException($"CrmModelJsonContext has no metadata for {type}."),
        Foreign => ForeignOptions.GetTypeInfo(type),
        _ => throw new ArgumentOutOfRangeException(nameof(serializer), serializer, null),
    };

    public static string Serialize(string serializer, ModelSample sample) =>
        JsonSerializer.Serialize(sample.Value, TypeInfo(serializer, sample.Type));

    public static object Deserialize(string serializer, Type type, string json) =>
        JsonSerializer.Deserialize(json, TypeInfo(serializer, type))
            ?? throw new InvalidOperationException($"{type} read back as null from {json}");
}
