using System.Security.Cryptography;

namespace Jikimi.Domain.Evidence;

/// <summary>A SHA-256 digest as 64 lower-case hex characters.</summary>
public readonly record struct Sha256Hash
{
    private Sha256Hash(string hex) => Hex = hex;

    public string Hex { get; }

    public static Sha256Hash FromBytes(ReadOnlySpan<byte> digest) =>
        digest.Length == SHA256.HashSizeInBytes ? new(Convert.ToHexStringLower(digest)) : throw new ArgumentException("not a SHA-256 digest", nameof(digest));

    public static bool TryParse(string? hex, out Sha256Hash hash)
    {
        if (hex is { Length: 64 } && hex.All(Uri.IsHexDigit))
        {
            hash = new(hex.ToLowerInvariant());
            return true;
        }

        hash = default;
        return false;
    }

    public override string ToString() => Hex;
}
