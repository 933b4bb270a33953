namespace Jikimi.Privacy.Scanning;

/// <summary>
/// Counts distinct values per type from their 64-bit distinct keys (<see cref="Fingerprinter.DistinctKey"/>): one
/// open-addressing table of 8-byte slots (the type in the top 4 bits, the key's low 60 bits below), linear probing,
/// at most half full. Keys are already uniform hashes, so the slot is the key itself masked: one cache line touched
/// per insert, half the memory of a <see cref="HashSet{T}"/> of the same keys. Not thread-safe.
/// </summary>
internal sealed class DistinctCounter
{
    private const int TypeShift = 60;
    private const ulong KeyMask = (1UL << TypeShift) - 1;

    private readonly long[] _perType = new long[PiiTypeNames.All.Count];
    private ulong[] _slots = new ulong[1 << 16]; // 512 KB: most scans never grow it
    private int _count;

    public long this[PiiType type] => _perType[(int)type];

    /// <summary>Adds a key; counts it when it was not there.</summary>
    public void Add(PiiType type, ulong key)
    {
        // 0 marks an empty slot: a key whose stored form would be 0 takes 1 instead (a 2⁻⁶⁰ event).
        var stored = ((ulong)type << TypeShift) | (key & KeyMask);
        if (stored == 0)
        {
            stored = 1;
        }

        if (Insert(_slots, stored))
        {
            _perType[(int)type]++;
            if (++_count > _slots.Length / 2)
            {
                Grow();
            }
        }
    }

    private static bool Insert(ulong[] slots, ulong stored)
    {
        var mask = slots.Length - 1;
        var i = (int)(stored ^ (stored >> 32)) & mask;
        while (true)
        {
            var s = slots[i];
            if (s == 0)
            {
                slots[i] = stored;
                return true;
            }

            if (s == stored)
            {
                return false;
            }

            i = (i + 1) & mask;
        }
    }

    private void Grow()
    {
        var bigger = new ulong[_slots.Length * 2];
        foreach (var s in _slots)
        {
            if (s != 0)
            {
                Insert(bigger, s);
            }
        }

        _slots = bigger;
    }
}
