namespace ElasticFunnels.Crm;

/// <summary>
/// The ElasticFunnels CRM API for one brand, one client per resource group. Thread-safe; create one
/// per brand and keep it (with dependency injection it is a singleton). Mock this interface in tests,
/// or run the real client against the emulator in <c>ElasticFunnels.Crm.Testing</c>.
/// </summary>
public interface IElasticFunnelsCrmClient
{
    /// <summary>The brand (project) id every request is made for.</summary>
    long BrandId { get; }

    /// <summary>Built-in entity templates.</summary>
    IEntityPresetsClient Presets { get; }

    /// <summary>Entities (Leads, Deals, ...).</summary>
    IEntitiesClient Entities { get; }

    /// <summary>Pipelines of entities.</summary>
    IPipelinesClient Pipelines { get; }

    /// <summary>Stages of pipelines.</summary>
    IStagesClient Stages { get; }

    /// <summary>Custom fields of entities.</summary>
    IFieldsClient Fields { get; }

    /// <summary>Entries (the records).</summary>
    IEntriesClient Entries { get; }

    /// <summary>
    /// The custom fields of entities, cached per client: used to check entry values before they are sent
    /// (see <see cref="ElasticFunnelsCrmOptions.ValidateEntryValues"/>), and to refresh that cache.
    /// </summary>
    IEntitySchemasClient Schemas { get; }
}
