using System.Security.Cryptography;
using System.Text;

namespace Jikimi.Reports.Oscal;

/// <summary>OSCAL identifiers: tokens must start with a letter, UUIDs must be version 4 or 5.</summary>
public static class OscalIds
{
    public const string OscalVersion = "1.0.4";
    public const string Namespace = "https://jikimi.dev/ns/oscal";

    /// <summary>"1.1.1" → "ismsp-1.1.1" (OSCAL tokens cannot start with a digit); the label prop keeps "1.1.1".</summary>
    public static string Control(string id) => "ismsp-" + id;

    public static string Group(string id) => "ismsp-g-" + id;

    /// <summary>A name-based (version 5, SHA-1) UUID: the same name gives the same id in every export.</summary>
    public static Guid V5(string name)
    {
        var ns = new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8").ToByteArray(bigEndian: true); // RFC 4122 URL namespace
        var hash = SHA1.HashData([.. ns, .. Encoding.UTF8.GetBytes(name)]);
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static string Time(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
