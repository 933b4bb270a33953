using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Jikimi.Application.Data;
using Jikimi.Application.Operations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Web.Infrastructure;

/// <summary>
/// Where the data-protection keys (sign-in cookies, antiforgery, MFA set-up) live (section "DataProtection";
/// ADR 0035): "filesystem" (default, &lt;data&gt;/keys) for one node, "database" for several nodes, where every key
/// is encrypted with AES-256-GCM under <see cref="KeyEncryptionKey"/>, which the operator keeps outside the database.
/// </summary>
public sealed class DataProtectionSettings
{
    public const string Section = "DataProtection";

    public string Store { get; set; } = "filesystem";

    /// <summary>32 random bytes, base64 (e.g. `openssl rand -base64 32`); the same on every node.</summary>
    public string? KeyEncryptionKey { get; set; }

    internal byte[] KeyBytes()
    {
        try
        {
            var key = Convert.FromBase64String(KeyEncryptionKey ?? string.Empty);
            return key.Length == 32 ? key : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("DataProtection:KeyEncryptionKey must be 32 bytes in base64 (openssl rand -base64 32) / DataProtection:KeyEncryptionKey는 base64로 된 32바이트여야 합니다.");
        }
    }

    public static void AddJikimiDataProtection(IServiceCollection services, IConfiguration config, string dataDirectory)
    {
        var settings = config.GetSection(Section).Get<DataProtectionSettings>() ?? new DataProtectionSettings();
        var builder = services.AddDataProtection().SetApplicationName("Jikimi");
        switch (settings.Store)
        {
            case "filesystem":
                builder.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
                break;
            case "database":
                var key = settings.KeyBytes(); // fails the start, with the reason, before any key is written
                services.AddSingleton(new KeyEncryptionKey(key));
                services.AddSingleton<DatabaseXmlRepository>();
                services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
                {
                    o.XmlRepository = sp.GetRequiredService<DatabaseXmlRepository>();
                    o.XmlEncryptor = new KeyEncryptionXmlEncryptor(sp.GetRequiredService<KeyEncryptionKey>());
                });
                break;
            default:
                throw new InvalidOperationException($"DataProtection:Store must be filesystem or database, not '{settings.Store}' / DataProtection:Store는 filesystem 또는 database여야 합니다.");
        }
    }
}

/// <summary>The operator's key-encryption key, held in memory only.</summary>
public sealed record KeyEncryptionKey(byte[] Value);

/// <summary>Data-protection keys in the DataProtectionKeys table: every node reads the same key ring.</summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JikimiDb>();
        return [.. db.Set<DataProtectionKeyRecord>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JikimiDb>();
        db.Set<DataProtectionKeyRecord>().Add(new DataProtectionKeyRecord
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = DateTime.UtcNow,
        });
        db.SaveChanges();
    }
}

/// <summary>Encrypts a key's XML with AES-256-GCM: &lt;jikimiEncryptedKey nonce tag&gt;ciphertext&lt;/…&gt;.</summary>
internal sealed class KeyEncryptionXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(key.Value, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement("jikimiEncryptedKey",
            new XAttribute("alg", "AES-256-GCM"),
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(cipher));
        return new EncryptedXmlInfo(element, typeof(KeyEncryptionXmlDecryptor));
    }
}

/// <summary>Created by the data-protection system through its service provider to read keys back.</summary>
public sealed class KeyEncryptionXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetService<KeyEncryptionKey>()
            ?? throw new InvalidOperationException("An encrypted data-protection key needs DataProtection:KeyEncryptionKey / 암호화된 데이터 보호 키에는 DataProtection:KeyEncryptionKey가 필요합니다.");
        var nonce = Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Attribute("tag")!);
        var cipher = Convert.FromBase64String(encryptedElement.Value);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(key.Value, tag.Length))
        {
            aes.Decrypt(nonce, cipher, tag, plain); // a wrong key-encryption key fails here (AuthenticationTagMismatchException)
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
