using System.Globalization;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Evidence;
using Jikimi.Application.Programme;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Jikimi.Input;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.SubjectRequests;

/// <summary>
/// Records the answer to a request. The log of requests (without references or summaries, which may describe the
/// person) becomes a new version of one evidence item on 3.5.2 by itself.
/// </summary>
public sealed class RespondToSubjectRequest(JikimiDb db, AuditWriter audit, UploadEvidence upload, TimeProvider clock)
{
    public const string Source = "subject-requests";
    public static readonly string[] Controls = ["3.5.2"];

    public async Task<Result<SubjectRequestView>> Handle(OrgAccess access, Guid id, RespondToSubjectRequestRequest req, CancellationToken ct)
    {
        var r = await db.Set<SubjectRequest>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return new NotFound("subject_request", id.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, "answer data subjects' requests").Error is { } denied)
        {
            return denied;
        }

        if (req.Version is { } v && v != r.Version)
        {
            return new ConcurrentEdit("subject request");
        }

        if (!SubjectRequestKinds.TryParse(req.Outcome, out SubjectRequestOutcome outcome))
        {
            return new Invalid("outcome", "outcome must be fulfilled, partly-fulfilled or refused.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (r.Respond(outcome, req.RespondedOn ?? today, req.Response, today, access.Actor.UserId).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.SubjectRequestAnswered, "subject_request", r.Id, new { r.Number, outcome = outcome.ToWire(), r.RespondedOn, late = r.AnsweredLate });
        var all = await db.Set<SubjectRequest>().AsNoTracking().Where(x => x.Id != r.Id).ToListAsync(ct);
        all.Add(r);
        var existing = await db.Evidence.AsNoTracking().Where(x => x.Source == Source && x.DeletedAt == null).OrderBy(x => x.CreatedAt).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        var record = new ProgrammeEvidence.Record(existing, Source, "정보주체 권리 행사 처리 대장 / Data subjects' request log",
            "정보주체 요구(열람·정정·삭제·처리정지·동의 철회)의 접수·기한·처리 기록 (자동) / Requests, deadlines and answers (automatic)",
            Controls, Log(all, today), $"subject-requests-{today:yyyyMMdd}.csv", today, 365);
        var saved = await ProgrammeEvidence.SaveWith(db, upload, access, record, ct);
        return saved.Error is { } se ? se : SubjectRequestView.Of(r, today);
    }

    /// <summary>
    /// The log as CSV: numbers, kinds, dates, outcomes and the cited basis; never a reference or summary. Written
    /// through the one CSV writer, so a cell that a spreadsheet would run as a formula is neutralized.
    /// </summary>
    internal static string Log(IEnumerable<SubjectRequest> requests, DateOnly today)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(text);
        csv.WriteRow(["번호/No", "유형/Kind", "접수일/Received", "기한/Due", "근거/Basis", "처리일/Answered", "결과/Outcome", "기한 준수/On time"]);
        foreach (var x in requests.OrderBy(x => x.Number))
        {
            var onTime = x.RespondedOn is null ? (x.IsOverdue(today) ? "기한 경과/overdue" : "처리 중/open") : x.AnsweredLate ? "지연/late" : "준수/yes";
            csv.WriteRow([
                x.Number.ToString(CultureInfo.InvariantCulture), x.Kind.ToWire(), Day(x.ReceivedOn), Day(x.DueOn), x.BasisKo,
                x.RespondedOn is { } d ? Day(d) : null, x.Outcome?.ToWire(), onTime,
            ]);
        }

        return text.ToString();
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
