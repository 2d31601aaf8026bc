using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>What happened to one item of a bulk operation.</summary>
public enum BulkItemStatus
{
    /// <summary>Never sent, because the operation was cancelled before the item was started. Nothing was written for it.</summary>
    [JsonStringEnumMemberName("not_attempted")]
    NotAttempted,

    /// <summary>Written; <see cref="BulkItemResult{T}.Value"/> holds the API's answer.</summary>
    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    /// <summary>
    /// Failed; <see cref="BulkItemResult{T}.Exception"/> says why (an <see cref="ArgumentException"/> for an
    /// item that was not sent, a <see cref="CrmException"/> subclass for one the API refused or did not answer);
    /// <see cref="BulkItemResult{T}.Error"/> holds the same as data, and alone for an item read back from JSON.
    /// </summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
