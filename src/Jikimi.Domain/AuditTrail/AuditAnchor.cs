using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jikimi.Domain.AuditTrail;

/// <summary>One chain's head at the time of anchoring: its last sequence number, that event's hash and time.</summary>
public sealed record AnchoredHead(string Chain, long Sequence, string Hash, DateTime At);

/// <summary>
/// A signed record of every audit chain's head, written outside the database (ADR 0052). Deleting the newest events
/// of a chain leaves the chain itself intact; an anchor that names a later head (or a different hash at that sequence)
/// shows the cut. The signature is ECDSA P-256 over SHA-256 of <see cref="Payload"/>, a fixed line layout, so the JSON
/// around it may be re-indented without breaking it.
/// </summary>
public sealed record AuditAnchor(DateTime AnchoredAt, string KeyId, IReadOnlyList<AnchoredHead> Heads, string Signature)
{
    public const string Format = "jikimi-audit-anchor/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The key id: SHA-256 (hex) of the public key's SubjectPublicKeyInfo.</summary>
    public static string KeyIdOf(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));

    /// <summary>The signed bytes: the format, the time, the key id, then one line per chain in ordinal order.</summary>
    public static byte[] Payload(DateTime anchoredAt, string keyId, IEnumerable<AnchoredHead> heads)
    {
        var sb = new StringBuilder();
        sb.Append(Format).Append('\n').Append(Time(anchoredAt)).Append('\n').Append(keyId).Append('\n');
        foreach (var h in heads.OrderBy(h => h.Chain, StringComparer.Ordinal))
        {
            sb.Append(h.Chain).Append(' ').Append(h.Sequence.ToString(CultureInfo.InvariantCulture)).Append(' ')
              .Append(h.Hash).Append(' ').Append(Time(h.At)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public static AuditAnchor Sign(ECDsa key, DateTime anchoredAt, IReadOnlyList<AnchoredHead> heads)
    {
        ArgumentNullException.ThrowIfNull(key);
        var keyId = KeyIdOf(key.ExportSubjectPublicKeyInfo());
        var at = Micro(anchoredAt);
        var ordered = heads.Select(h => h with { At = Micro(h.At) }).OrderBy(h => h.Chain, StringComparer.Ordinal).ToList();
        var signature = key.SignData(Payload(at, keyId, ordered), HashAlgorithmName.SHA256);
        return new AuditAnchor(at, keyId, ordered, Convert.ToBase64String(signature));
    }

    /// <summary>True when <paramref name="subjectPublicKeyInfo"/> is this anchor's key and its signature holds.</summary>
    public bool SignatureHolds(byte[] subjectPublicKeyInfo)
    {
        if (!string.Equals(KeyIdOf(subjectPublicKeyInfo), KeyId, StringComparison.Ordinal))
        {
            return false;
        }

        var signature = new byte[Signature.Length];
        if (!Convert.TryFromBase64String(Signature, signature, out var length))
        {
            return false;
        }

        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
            return key.VerifyData(Payload(AnchoredAt, KeyId, Heads), signature.AsSpan(0, length), HashAlgorithmName.SHA256);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(
        new AnchorFile(Format, Time(AnchoredAt), KeyId, [.. Heads.Select(h => new HeadLine(h.Chain, h.Sequence, h.Hash, Time(h.At)))], Signature), Json);

    /// <summary>Reads an anchor file's text; a value, or why it is not an anchor (never an exception).</summary>
    public static (AuditAnchor? Anchor, string? Problem) Parse(string json)
    {
        AnchorFile? f;
        try
        {
            f = JsonSerializer.Deserialize<AnchorFile>(json, Json);
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON (line {(e.LineNumber ?? 0) + 1})");
        }

        if (f is null || !string.Equals(f.Format, Format, StringComparison.Ordinal))
        {
            return (null, $"format is not {Format}");
        }

        if (f.KeyId is not { Length: 64 } || f.Signature is not { Length: > 0 } || f.Heads is null || !TryTime(f.AnchoredAt, out var at))
        {
            return (null, "keyId, signature, anchoredAt or heads missing or malformed");
        }

        var heads = new List<AnchoredHead>(f.Heads.Count);
        foreach (var h in f.Heads)
        {
            if (h is null || string.IsNullOrEmpty(h.Chain) || h.Sequence < 1 || h.Hash is not { Length: 64 } || !TryTime(h.At, out var headAt))
            {
                return (null, $"head #{heads.Count + 1} is malformed");
            }

            heads.Add(new AnchoredHead(h.Chain, h.Sequence, h.Hash, headAt));
        }

        return (new AuditAnchor(at, f.KeyId, heads, f.Signature), null);
    }

    private static DateTime Micro(DateTime t)
    {
        var u = t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime();
        return new DateTime(u.Ticks - (u.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
    }

    private static string Time(DateTime t) => Micro(t).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);

    private static bool TryTime(string? s, out DateTime t)
    {
        var ok = DateTime.TryParseExact(s, "yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out t);
        t = DateTime.SpecifyKind(t, DateTimeKind.Utc);
        return ok;
    }

    private sealed record AnchorFile(
        [property: JsonPropertyName("format")] string? Format,
        [property: JsonPropertyName("anchoredAt")] string? AnchoredAt,
        [property: JsonPropertyName("keyId")] string? KeyId,
        [property: JsonPropertyName("heads")] List<HeadLine?>? Heads,
        [property: JsonPropertyName("signature")] string? Signature);

    private sealed record HeadLine(
        [property: JsonPropertyName("chain")] string? Chain,
        [property: JsonPropertyName("sequence")] long Sequence,
        [property: JsonPropertyName("hash")] string? Hash,
        [property: JsonPropertyName("at")] string? At);
}
