using System.Security.Cryptography;
using System.Text.Json;
using Jikimi.Application.Data;
using Jikimi.Domain.AuditTrail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.AuditTrail;

/// <summary>
/// The anchor folder and this installation's signing key (ADR 0052): an ECDSA P-256 key in
/// &lt;data&gt;/keys/audit-anchor.key (PKCS#8 PEM, mode 0600, next to the data-protection keys and backed up with
/// them), its public half registered once in the system audit chain, which is where verify learns which keys to trust.
/// </summary>
public sealed class AuditAnchorKeys(IOptions<AuditAnchorOptions> options, string dataDirectory) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ECDsa? _key;

    public string Directory => options.Value.DirectoryFor(dataDirectory);

    public string KeyPath => Path.Combine(dataDirectory, "keys", "audit-anchor.key");

    /// <summary>The heads of the last anchor this process wrote; an unchanged trail is not anchored again.</summary>
    internal string? LastAnchored { get; set; }

    internal SemaphoreSlim Gate => _gate;

    public async Task<ECDsa> SigningKeyAsync(CancellationToken ct)
    {
        if (_key is { } k)
        {
            return k;
        }

        var path = KeyPath;
        if (!File.Exists(path))
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var temp = path + "." + RandomNumberGenerator.GetHexString(8, lowercase: true) + ".tmp";
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var f = new FileStream(temp, create))
            await using (var w = new StreamWriter(f))
            {
                await w.WriteAsync(fresh.ExportPkcs8PrivateKeyPem().AsMemory(), ct);
                await w.FlushAsync(ct);
                f.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temp, path, overwrite: false); // another process may have made one first: keep theirs
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp);
            }
        }

        var key = ECDsa.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(path, ct));
        return _key = key;
    }

    /// <summary>Records the key's public half in the system chain unless it is there already.</summary>
    internal static async Task RegisterAsync(JikimiDb db, AuditWriter audit, ECDsa key, CancellationToken ct)
    {
        var spki = key.ExportSubjectPublicKeyInfo();
        var id = AuditAnchor.KeyIdOf(spki);
        var known = await db.AuditEvents.IgnoreQueryFilters()
            .AnyAsync(e => e.Chain == AuditEvent.SystemChain && e.Action == AuditActions.AuditAnchorKeyCreated && e.EntityId == id, ct);
        if (!known)
        {
            audit.Record(null, Common.Actor.System, AuditActions.AuditAnchorKeyCreated, "audit_anchor_key", id, new { keyId = id, algorithm = "ECDSA P-256 SHA-256", publicKey = Convert.ToBase64String(spki) });
            if ((await audit.SaveAsync(ct)).Error is { } e)
            {
                throw new InvalidOperationException("The audit-anchor key could not be registered: " + e.Code);
            }
        }
    }

    /// <summary>The public keys verify trusts: those registered in the system chain, narrowed to the pinned ids if any.</summary>
    internal async Task<Dictionary<string, byte[]>> TrustedAsync(JikimiDb db, CancellationToken ct)
    {
        var summaries = await db.AuditEvents.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Chain == AuditEvent.SystemChain && e.Action == AuditActions.AuditAnchorKeyCreated)
            .Select(e => new { e.EntityId, e.Summary })
            .ToListAsync(ct);
        var pinned = options.Value.TrustedKeyIds;
        var trusted = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var s in summaries)
        {
            try
            {
                using var doc = JsonDocument.Parse(s.Summary);
                var spki = Convert.FromBase64String(doc.RootElement.GetProperty("publicKey").GetString() ?? string.Empty);
                var id = AuditAnchor.KeyIdOf(spki);
                if (id == s.EntityId && (pinned.Length == 0 || pinned.Contains(id, StringComparer.OrdinalIgnoreCase)))
                {
                    trusted[id] = spki;
                }
            }
            catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                // a damaged registration trusts nothing; the chain check reports the damage itself
            }
        }

        return trusted;
    }

    public void Dispose()
    {
        _key?.Dispose();
        _gate.Dispose();
    }
}
