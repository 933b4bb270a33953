using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Evidence;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Evidence;

/// <summary>
/// Stores a file (streamed, hashed, size-limited) and records it as new evidence or as a new version, linked to
/// controls. Bytes are durable before the record commits; if the record fails, bytes this request created go.
/// </summary>
public sealed class UploadEvidence(JikimiDb db, IEvidenceStore store, AuditWriter audit, TimeProvider clock, IOptions<EvidenceOptions> options, GetEvidence get)
{
    public Result CanUpload(OrgAccess access) => access.Require(Permissions.CanEditControls, "upload evidence");

    /// <summary>Streams the bytes into the store (size-limited) and records them.</summary>
    public async Task<Result<EvidenceView>> Handle(OrgAccess access, Guid? existingId, UploadEvidenceRequest req, EvidenceFile file, CancellationToken ct)
    {
        if (CanUpload(access).Error is { } denied)
        {
            return denied;
        }

        var stored = await Store(file.Content, ct);
        return stored.Error is { } e ? e : await Record(access, existingId, req, stored.Value!, file.FileName, ct);
    }

    public Task<Result<StoredBlob>> Store(Stream content, CancellationToken ct) => store.PutAsync(content, options.Value.MaxUploadBytes, ct);

    /// <summary>
    /// Stores bytes the server already holds: a run's JSON (bounded by its own input limit at the edge) or a summary it
    /// rendered itself. The evidence upload limit is for files people send, so it does not refuse these.
    /// </summary>
    public Task<Result<StoredBlob>> StoreHeld(byte[] content, CancellationToken ct) => store.PutAsync(new MemoryStream(content, writable: false), Math.Max(content.LongLength, 1), ct);

    /// <summary>
    /// Records bytes already stored by <see cref="Store"/>; discards them if this fails. <paramref name="attach"/>
    /// sees the item and its new version before the one save, so a caller's own records (an automated run) commit
    /// with the evidence or not at all.
    /// </summary>
    public async Task<Result<EvidenceView>> Record(OrgAccess access, Guid? existingId, UploadEvidenceRequest req, StoredBlob blob, string? fileName, CancellationToken ct, Action<EvidenceItem, EvidenceVersion>? attach = null)
    {
        var ok = false;
        try
        {
            if (CanUpload(access).Error is { } denied)
            {
                return denied;
            }

            EvidenceItem? item = null;
            if (existingId is { } id)
            {
                item = await db.Evidence.FirstOrDefaultAsync(e => e.Id == id, ct);
                if (item is null)
                {
                    return new NotFound("evidence", id.ToString());
                }

                if (item.IsDeleted)
                {
                    return new EvidenceDeleted(id);
                }
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var effective = req.EffectiveDate ?? DateOnly.FromDateTime(now);
            var safeName = SafeFileName.From(fileName);
            if (item is null)
            {
                var created = EvidenceItem.Create(access.OrganizationId, req.Title ?? Path.GetFileNameWithoutExtension(safeName), req.Description, req.RefreshIntervalDays, req.Source, access.Actor.UserId, now);
                if (created.Error is { } ce)
                {
                    return ce;
                }

                item = created.Value!;
                db.Evidence.Add(item);
            }

            var version = item.AddVersion(safeName, SafeFileName.ContentTypeOf(safeName), blob.Size, blob.Hash, effective, access.Actor.UserId, now);
            db.EvidenceVersions.Add(version);
            foreach (var target in req.LinkTo ?? [])
            {
                var link = await LinkEvidence.ResolveAsync(db, access, item, target, now, ct);
                if (link.Error is { } le)
                {
                    return le;
                }

                db.EvidenceLinks.Add(link.Value!);
            }

            attach?.Invoke(item, version);
            audit.Record(access, existingId is null ? AuditActions.EvidenceUploaded : AuditActions.EvidenceVersionAdded, "evidence", item.Id, new { item.Title, version = version.Number, version.FileName, size = blob.Size, sha256 = blob.Hash.Hex, links = req.LinkTo?.Count ?? 0 });
            var saved = await audit.SaveAsync(ct, "evidence");
            if (saved.Error is { } se)
            {
                return se;
            }

            ok = true;
            return (await get.Handle(access, item.Id, ct)).Value!;
        }
        finally
        {
            if (!ok)
            {
                await Discard(blob);
            }
        }
    }

    /// <summary>Removes bytes this request created that nothing committed refers to (identical content may be shared).</summary>
    public async Task Discard(StoredBlob blob)
    {
        if (blob.Created && !await db.EvidenceVersions.IgnoreQueryFilters().AnyAsync(v => v.Sha256 == blob.Hash.Hex, CancellationToken.None))
        {
            await store.DiscardAsync(blob, CancellationToken.None);
        }
    }
}
