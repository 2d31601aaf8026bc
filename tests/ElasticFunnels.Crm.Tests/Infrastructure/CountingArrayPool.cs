using System.Buffers;

namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>
/// A buffer pool that hands out arrays of exactly the size asked for and remembers each one until it comes
/// back, so a test sees what the SDK keeps in memory: every rental, the largest one, and any array returned
/// twice or never handed out.
/// </summary>
public sealed class CountingArrayPool : ArrayPool<byte>
{
    private readonly HashSet<byte[]> _outstanding = new(ReferenceEqualityComparer.Instance);
    private readonly List<int> _rentals = [];
    private int _returned;
    private int _foreignReturns;

    /// <summary>The size of each rental, in order.</summary>
    public IReadOnlyList<int> Rentals
    {
        get
        {
            lock (_outstanding)
            {
                return [.. _rentals];
            }
        }
    }

    public int Returned
    {
        get
        {
            lock (_outstanding)
            {
                return _returned;
            }
        }
    }

    /// <summary>Arrays rented and not returned yet.</summary>
    public int Outstanding
    {
        get
        {
            lock (_outstanding)
            {
                return _outstanding.Count;
            }
        }
    }

    /// <summary>Returns of an array that was not out: returned twice, or never rented here.</summary>
    public int ForeignReturns
    {
        get
        {
            lock (_outstanding)
            {
                return _foreignReturns;
            }
        }
    }

    public override byte[] Rent(int minimumLength)
    {
        var array = new byte[minimumLength];
        lock (_outstanding)
        {
            _outstanding.Add(array);
            _rentals.Add(minimumLength);
        }

        return array;
    }

    public override void Return(byte[] array, bool clearArray = false)
    {
        lock (_outstanding)
        {
            if (_outstanding.Remove(array))
            {
                _returned++;
            }
            else
            {
                _foreignReturns++;
            }
        }
    }
}
