using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Reports.Common;
using Jikimi.Reports.Xlsx;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Reports.Statement;

public sealed record StatementImportReport(Guid AssessmentId, int Rows, int Changed, int Unchanged, IReadOnlyList<string> ChangedControls);

/// <summary>The file was refused; nothing was changed. Every problem names its cell where it has one.</summary>
public sealed record StatementRejected(IReadOnlyList<SheetProblem> Problems)
    : RuleError("statement.invalid", $"The operation statement was not imported ({Problems.Count} problem{(Problems.Count == 1 ? string.Empty : "s")}); nothing was changed. " + string.Join("; ", Problems.Take(5)));

public sealed record StatementForOtherAssessment(Guid InFile)
    : RuleError("statement.other_assessment", $"The file belongs to assessment {InFile}, not this one; nothing was changed.");

/// <summary>
/// Imports an operation statement XLSX (as exported) back into its assessment: applicability (운영여부 Y/N with
/// the reason), 운영현황, related documents and records. Every row is checked first; any problem refuses the whole
/// file. Changes go through the domain's own methods and are saved with one audit event in one transaction.
/// </summary>
public sealed class ImportStatement(JikimiDb db, AuditWriter audit, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Jikimi.Input.InputLimits> inputLimits)
{

    public async Task<Result<StatementImportReport>> Handle(OrgAccess access, Guid? assessmentId, Stream content, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "import the operation statement").Error is { } denied)
        {
            return denied;
        }

        if (assessmentId is { } requested && !await db.Assessments.AnyAsync(a => a.Id == requested, ct))
        {
            return new NotFound("assessment", requested.ToString());
        }

        // Read once into memory (bounded), then both sheets from the same bytes.
        var limits = inputLimits.Value;
        var read = await Jikimi.Input.InputFile.ReadAsync(content, "statement", null, limits.MaxImportBytes, ct, allowEmpty: true);
        if (read.Error is { } unreadable)
        {
            return unreadable.ToDomainError();
        }

        var bytes = read.Value.Bytes;

        var (sheet, problem) = XlsxReader.Read(new MemoryStream(bytes), StatementLayout.IsStatementSheet, $"'{StatementLayout.SheetKo}' or '{StatementLayout.SheetEn}'", limits);
        if (problem is not null)
        {
            return new StatementRejected([problem]);
        }

        var (about, _) = XlsxReader.Read(new MemoryStream(bytes), StatementLayout.IsAboutSheet, "About", limits);
        var inFile = about is null ? null : AboutValue(about, StatementLayout.AssessmentKey);
        Guid target;
        if (assessmentId is { } id)
        {
            if (inFile is { } f && f != id)
            {
                return new StatementForOtherAssessment(f);
            }

            target = id;
        }
        else if (inFile is { } f2 && await db.Assessments.AnyAsync(a => a.Id == f2, ct))
        {
            target = f2;
        }
        else
        {
            return new StatementRejected([new SheetProblem(null, "statement.no_assessment", "The file does not name an assessment of this organization (its 'About' sheet is missing or from elsewhere); import it into a chosen assessment instead.")]);
        }

        var problems = new List<SheetProblem>();
        var header = sheet!.Rows.GetValueOrDefault(1);
        CheckHeader(header, problems);
        if (problems.Count > 0)
        {
            return new StatementRejected(problems);
        }

        var controls = await db.ControlAssessments.Where(c => c.AssessmentId == target).ToDictionaryAsync(c => c.ControlId, StringComparer.Ordinal, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var changed = new List<string>();
        var rows = 0;
        foreach (var (rowNumber, cells) in sheet.Rows.Where(r => r.Key > 1).OrderBy(r => r.Key))
        {
            if (cells.Values.All(c => !c.Formula && string.IsNullOrWhiteSpace(c.Text)))
            {
                continue; // a row of blanks left behind by editing is not a control row
            }

            rows++;
            foreach (var (column, cell) in cells.Where(c => c.Value.Formula))
            {
                problems.Add(new SheetProblem(CellRef.Of(column, rowNumber), "statement.formula", "Formulas are not accepted; type the text itself."));
            }

            string? Text(ColumnSpec c)
            {
                var v = cells.GetValueOrDefault(StatementLayout.IndexOf(c))?.Text;
                return string.IsNullOrWhiteSpace(v) ? null : Jikimi.Input.FormulaGuard.Restore(v.Trim());
            }

            string Ref(ColumnSpec c) => CellRef.Of(StatementLayout.IndexOf(c), rowNumber);

            var controlId = Text(StatementLayout.ControlId);
            if (controlId is null)
            {
                problems.Add(new SheetProblem(Ref(StatementLayout.ControlId), "statement.control_missing", "The control ID is empty."));
                continue;
            }

            if (!controls.TryGetValue(controlId, out var ca))
            {
                problems.Add(new SheetProblem(Ref(StatementLayout.ControlId), "statement.control_unknown", $"Control '{Trunc(controlId)}' is not part of this assessment."));
                continue;
            }

            if (seen.TryGetValue(controlId, out var first))
            {
                problems.Add(new SheetProblem(Ref(StatementLayout.ControlId), "statement.control_duplicate", $"Control {controlId} appears again (first in row {first})."));
                continue;
            }

            seen[controlId] = rowNumber;
            if (!StatementLayout.TryParseOperated(Text(StatementLayout.Operated), out var applicable))
            {
                problems.Add(new SheetProblem(Ref(StatementLayout.Operated), "statement.operated_invalid", "Operated must be Y or N."));
                continue;
            }

            var reason = Text(StatementLayout.NotApplicableReason);
            var status = InheritanceText.WithoutStatementLines(Text(StatementLayout.OperationStatus));
            var documents = Text(StatementLayout.RelatedDocuments);
            var records = Text(StatementLayout.EvidenceRecords);
            if (!applicable && reason is null)
            {
                problems.Add(new SheetProblem(Ref(StatementLayout.NotApplicableReason), "statement.reason_required", "A control that is not operated (N) needs a reason."));
                continue;
            }

            var sameApplicability = ca.Applicable == applicable && (applicable || ca.NotApplicableReason == reason);
            var sameStatement = ca.OperationStatus == status && ca.RelatedDocuments == documents && ca.EvidenceRecords == records;
            if (sameApplicability && sameStatement)
            {
                continue;
            }

            var a = sameApplicability ? Result.Ok : ca.SetApplicability(applicable, reason, now);
            var b = sameStatement ? Result.Ok : ca.UpdateStatement(status, documents, records, now);
            foreach (var e in new[] { a.Error, b.Error }.OfType<DomainError>())
            {
                problems.Add(new SheetProblem(Ref(ColumnOf(e)), e.Code, e.Message));
            }

            changed.Add(controlId);
        }

        if (rows == 0)
        {
            problems.Add(new SheetProblem("A2", "statement.no_rows", "The sheet has no control rows."));
        }

        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear(); // all or nothing: drop every change made while checking
            return new StatementRejected(problems);
        }

        if (changed.Count > 0)
        {
            audit.Record(access, AuditActions.StatementImported, "assessment", target, new { rows, changed = changed.Count, controls = changed });
            var saved = await audit.SaveAsync(ct, "control");
            if (saved.Error is { } se)
            {
                return se;
            }
        }

        return new StatementImportReport(target, rows, changed.Count, rows - changed.Count, changed);
    }

    private static void CheckHeader(IReadOnlyDictionary<int, SheetCell>? header, List<SheetProblem> problems)
    {
        var expected = StatementLayout.Columns;
        for (var i = 0; i < expected.Count; i++)
        {
            var cell = header?.GetValueOrDefault(i + 1)?.Text;
            if (!expected[i].Matches(cell))
            {
                var found = string.IsNullOrWhiteSpace(cell) ? "nothing" : $"'{Trunc(cell)}'";
                problems.Add(new SheetProblem(CellRef.Of(i + 1, 1), "statement.column_missing", $"Column {CellRef.Column(i + 1)} must be '{expected[i].HeaderKo}' ('{expected[i].HeaderEn}'); found {found}."));
            }
        }

        foreach (var extra in (header?.Keys ?? []).Where(k => k > expected.Count).Order())
        {
            problems.Add(new SheetProblem(CellRef.Of(extra, 1), "statement.column_extra", $"Unexpected column '{Trunc(header![extra].Text)}'; remove it."));
        }
    }

    private static ColumnSpec ColumnOf(DomainError e) => e switch
    {
        Invalid { Code: "validation.operationStatus" } => StatementLayout.OperationStatus,
        Invalid { Code: "validation.relatedDocuments" } => StatementLayout.RelatedDocuments,
        Invalid { Code: "validation.evidenceRecords" } => StatementLayout.EvidenceRecords,
        _ => StatementLayout.NotApplicableReason,
    };

    private static Guid? AboutValue(SheetContent about, string key) =>
        about.Rows.Values.Where(r => r.GetValueOrDefault(1)?.Text.Trim() == key)
            .Select(r => Guid.TryParse(r.GetValueOrDefault(2)?.Text, out var g) ? g : (Guid?)null)
            .FirstOrDefault();

    private static string Trunc(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
