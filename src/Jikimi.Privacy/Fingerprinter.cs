using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Jikimi.Privacy;

/// <summary>
/// Keyed fingerprints for de-duplication: HMAC-SHA256 over the type and the normalised value (digits only;
/// passports upper-case letters and digits; e-mail lower-cased), truncated to 128 bits, hex. Without the key
/// nobody can test a guessed number against a fingerprint; the same key gives the same fingerprint across scans.
/// </summary>
public sealed class Fingerprinter
{
    private const int MaxNormalized = 260;

    private readonly byte[] _key;

    // One keyed HMAC per thread, reset after each value: the key schedule is computed once, not per finding.
    private readonly ThreadLocal<IncrementalHash> _hmac;

    // Secrets of the in-memory distinct keys: random per instance, never written.
    private readonly ulong _mix0 = RandomWord();
    private readonly ulong _mix1 = RandomWord() | 1;
    private readonly ulong _mix2 = RandomWord() | 1;

    private Fingerprinter(byte[] key, bool isRandom)
    {
        _key = key;
        IsRandomKey = isRandom;
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key));
    }

    /// <summary>True when the key was made for this run only (fingerprints match only within the run).</summary>
    public bool IsRandomKey { get; }

    /// <summary>At least 16 bytes of secret (a key file's contents or JIKIMI_PII_KEY).</summary>
    public static Fingerprinter WithKey(ReadOnlySpan<byte> key) =>
        key.Length < 16 ? throw new ArgumentException("a fingerprint key needs at least 16 bytes", nameof(key)) : new(key.ToArray(), false);

    public static Fingerprinter WithRandomKey() => new(RandomNumberGenerator.GetBytes(32), true);

    public string Compute(PiiType type, ReadOnlySpan<byte> value)
    {
        Span<byte> norm = stackalloc byte[MaxNormalized];
        var n = Normalize(type, value, norm);
        Span<byte> mac = stackalloc byte[32];
        var hmac = _hmac.Value!;
        hmac.AppendData(norm[..n]);
        hmac.GetHashAndReset(mac);
        norm.Clear();
        return Convert.ToHexStringLower(mac[..16]);
    }

    /// <summary>
    /// A 64-bit key of the normalised value for counting distinct values within this run: equal exactly when the
    /// fingerprints are equal (up to a 2⁻⁶⁴-scale chance of collision), salted per instance, far cheaper than the
    /// HMAC. It stays in memory and is never written; use <see cref="Compute"/> for anything that leaves the process.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ulong DistinctKey(PiiType type, ReadOnlySpan<byte> value)
    {
        if (type is not (PiiType.Email or PiiType.KrPassport) && DigitsAsNumber(type, value) is { } packed)
        {
            // A keyed bijection of the packed digits: distinct numbers never share a key.
            return Mix(packed ^ _mix0);
        }

        // Letters too (e-mail, passports, long card numbers): the normalised bytes, 8 at a time, through the same
        // keyed mix (not a bijection any more: collisions are possible, at 2⁻⁶⁴-scale odds for unrelated values).
        Span<byte> norm = stackalloc byte[MaxNormalized + 8];
        var n = Normalize(type, value, norm[..MaxNormalized]);
        norm[n..(n + 8)].Clear();
        var h = Mix((ulong)n ^ _mix0);
        for (var i = 0; i < n; i += 8)
        {
            h = Mix(h ^ BinaryPrimitives.ReadUInt64LittleEndian(norm[i..]));
        }

        norm[..n].Clear();
        return h;
    }

    private ulong Mix(ulong x)
    {
        x *= _mix1;
        x ^= x >> 32;
        x *= _mix2;
        return x ^ (x >> 29);
    }

    /// <summary>
    /// The normalised digits as one integer — a leading 1 keeps leading zeros, the type in the low 4 bits — or
    /// null beyond 17 digits (long card numbers then take the hashed path).
    /// </summary>
    private static ulong? DigitsAsNumber(PiiType type, ReadOnlySpan<byte> value)
    {
        ulong v = 1;
        var n = 0;
        if (type == PiiType.Phone && value.Length > 3 && value[0] == (byte)'+')
        {
            (v, n) = (10, 1); // +82 10-… and 010-… are the same number
            value = value[3..];
        }

        foreach (var b in value)
        {
            var digit = (uint)(b - '0');
            if (digit <= 9)
            {
                if (++n > 17)
                {
                    return null;
                }

                v = (v * 10) + digit;
            }
        }

        return (v << 4) | (uint)type;
    }

    private static ulong RandomWord() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));

    /// <summary>Type byte, then digits (passport: letters too; e-mail: lower-cased); "+82 10…" becomes "010…".</summary>
    private static int Normalize(PiiType type, ReadOnlySpan<byte> value, Span<byte> norm)
    {
        norm[0] = (byte)type;
        var n = 1;
        if (type == PiiType.Phone && value.Length > 3 && value[0] == (byte)'+')
        {
            norm[n++] = (byte)'0'; // +82 10-… and 010-… are the same number
            value = value[3..];
        }

        if (type == PiiType.Email)
        {
            foreach (var b in value)
            {
                if (n == norm.Length)
                {
                    break;
                }

                norm[n++] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
            }

            return n;
        }

        var letters = type == PiiType.KrPassport;
        foreach (var b in value)
        {
            if (n == norm.Length)
            {
                break;
            }

            if ((uint)(b - '0') <= 9 || (letters && (b | 0x20) is >= (byte)'a' and <= (byte)'z'))
            {
                norm[n++] = b >= (byte)'a' ? (byte)(b & ~0x20) : b; // m123a4567 is M123A4567
            }
        }

        return n;
    }
}
