using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.AccessRecords;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Privacy.AccessRecords;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.AccessRecords;

/// <summary>Sets how a system's log is read: the reader kind and the mapping to the five required items.</summary>
public sealed class SetAccessLogFormat(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<ProcessingSystemView>> Handle(OrgAccess access, Guid id, SetAccessLogFormatRequest req, CancellationToken ct)
    {
        var s = await db.Set<ProcessingSystem>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return new NotFound("processing_system", id.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, "set a system's log format").Error is { } denied)
        {
            return denied;
        }

        if (req.Version is { } v && v != s.Version)
        {
            return new ConcurrentEdit("processing system");
        }

        if (!AccessLogFormats.TryParse(req.Format, out var format))
        {
            return new Invalid("format", $"format must be one of {string.Join(", ", AccessLogFormats.WireNames)}.");
        }

        var parsed = AccessLogMapping.Parse(format, req.Mapping is { ValueKind: not System.Text.Json.JsonValueKind.Null } m ? m.GetRawText() : null);
        if (parsed.Mapping is null)
        {
            return new Invalid("mapping", parsed.Problem!);
        }

        if (s.SetFormat(format.ToWire(), parsed.Mapping.ToJson()).Error is { } e)
        {
            return e;
        }

        var missing = AccessLogMapping.RequiredItems.Where(i => parsed.Mapping[i] is null).ToList();
        audit.Record(access, AuditActions.ProcessingSystemFormatSet, "processing_system", s.Id, new { s.Name, format = s.Format, missing });
        var saved = await audit.SaveAsync(ct, "processing system");
        return saved.Error is { } se ? se : ProcessingSystemView.Of(s, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
