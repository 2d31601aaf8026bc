namespace ElasticFunnels.Crm;

/// <summary>Why a typed read of an entry value failed: see <see cref="CrmValueException.Reason"/>.</summary>
public enum CrmValueErrorReason
{
    /// <summary>The entry has no value for the key.</summary>
    Missing = 0,

    /// <summary>The value is a JSON <c>null</c>.</summary>
    Null = 1,

    /// <summary>The value is there but cannot be read as the type asked for.</summary>
    WrongType = 2,
}
