using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Evidence;

/// <summary>Opens a version (default: the current one) for download. Deleted evidence is not served.</summary>
public sealed class DownloadEvidence(JikimiDb db, IEvidenceStore store)
{
    public async Task<Result<DownloadedEvidence>> Handle(OrgAccess access, Guid id, int? versionNumber, CancellationToken ct)
    {
        var e = await Audits.AuditorReach.VisibleEvidence(db, access).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.DeletedAt == null, ct);
        var number = versionNumber ?? e?.CurrentVersion;
        var v = e is null ? null : await db.EvidenceVersions.AsNoTracking().FirstOrDefaultAsync(x => x.EvidenceId == id && x.Number == number, ct);
        if (v is null)
        {
            return new NotFound("evidence_version", $"{id}/{versionNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "current"}");
        }

        var stream = await store.OpenAsync(v.Sha256, ct);
        return stream is null ? new NotFound("evidence_content", v.Sha256) : new DownloadedEvidence(stream, v.FileName, v.ContentType, v.Size, v.Sha256);
    }
}
