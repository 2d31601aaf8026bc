using System.Buffers.Binary;
using System.Buffers.Text;

namespace ElasticFunnels.Crm.Paging;

/// <summary>
/// What a continuation token carries: the page to fetch next, the page size (page numbers only mean
/// something with it), a fingerprint of the entity and filters (so a token cannot resume another
/// query), the total the list had, and 64-bit fingerprints of the ids yielded last (so the rows that
/// shift onto the next page are still recognised after a restart). Encoded as base64url of a small
/// versioned binary record: no entry data, no key, safe to persist.
/// </summary>
internal sealed record PageCursor(int NextPage, int PerPage, ulong Query, long Total, IReadOnlyList<ulong> LastIds)
{
    private const byte Version = 1;
    private const int HeaderLength = 1 + 4 + 4 + 8 + 8 + 2;

    public string Encode()
    {
        var bytes = new byte[HeaderLength + (8 * LastIds.Count)];
        var span = bytes.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], NextPage);
        BinaryPrimitives.WriteInt32LittleEndian(span[5..], PerPage);
        BinaryPrimitives.WriteUInt64LittleEndian(span[9..], Query);
        BinaryPrimitives.WriteInt64LittleEndian(span[17..], Total);
        BinaryPrimitives.WriteUInt16LittleEndian(span[25..], checked((ushort)LastIds.Count));
        for (var i = 0; i < LastIds.Count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span[(HeaderLength + (8 * i))..], LastIds[i]);
        }

        return Base64Url.EncodeToString(bytes);
    }

    public static PageCursor Decode(string token, string paramName)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            throw Invalid(paramName, "it is not base64url text");
        }

        if (bytes.Length < HeaderLength || bytes[0] != Version)
        {
            throw Invalid(paramName, "it is not a token this version of the SDK wrote");
        }

        var span = bytes.AsSpan();
        var count = BinaryPrimitives.ReadUInt16LittleEndian(span[25..]);
        var nextPage = BinaryPrimitives.ReadInt32LittleEndian(span[1..]);
        var perPage = BinaryPrimitives.ReadInt32LittleEndian(span[5..]);
        if (bytes.Length != HeaderLength + (8 * count) || nextPage < 1 || perPage is < 1 or > EntryListOptions.MaxPerPage)
        {
            throw Invalid(paramName, "it is damaged");
        }

        var ids = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = BinaryPrimitives.ReadUInt64LittleEndian(span[(HeaderLength + (8 * i))..]);
        }

        return new PageCursor(nextPage, perPage, BinaryPrimitives.ReadUInt64LittleEndian(span[9..]), BinaryPrimitives.ReadInt64LittleEndian(span[17..]), ids);
    }

    private static ArgumentException Invalid(string paramName, string why) =>
        new($"{paramName} is not a valid continuation token: {why}. Pass a CrmPage.ContinuationToken unchanged.", paramName);
}
