using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Input;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Automation;

/// <summary>
/// Imports an organization's last K-ISMS assessment results (a CSV sheet, or an XLSX one through
/// <see cref="HandleTable"/>: <c>id</c>, <c>result</c>, optional <c>note</c>) onto an ISMS-P 2023 assessment as a run of source "legacy": each K-ISMS item is carried to the 2023
/// controls the K-ISMS → 2023 crosswalk names, every result keeps the crosswalk's relation and reason, and failures
/// become suggestions only (ADR 0041) — a starting point, never a result. An "intersects" relation is too loose to
/// suggest anything and is recorded as manual. A bad row is refused with its row number and nothing is stored.
/// </summary>
public sealed class ImportLegacyResults(JikimiDb db, RecordAutomatedRun record, Microsoft.Extensions.Options.IOptions<InputLimits> inputLimits)
{
    public async Task<Result<RecordedRunView>> Handle(OrgAccess access, Guid assessmentId, Stream content, string? fileName, string? label, CancellationToken ct)
    {
        if (await CheckAsync(access, assessmentId, ct) is { Error: { } refused })
        {
            return refused;
        }

        var name = string.IsNullOrWhiteSpace(fileName) ? "legacy.csv" : Path.GetFileName(fileName);
        // A sheet a person imports: Input:MaxImportBytes, like the asset and statement imports.
        var upload = await InputFile.ReadAsync(content, name, null, inputLimits.Value.MaxImportBytes, ct);
        if (upload.Error is { } unreadable)
        {
            return unreadable.ToDomainError();
        }

        var text = upload.Value.Utf8();
        if (text.Error is { } encoding)
        {
            return encoding.ToDomainError();
        }

        if (string.IsNullOrWhiteSpace(text.Value))
        {
            return InputError.Empty(name).ToDomainError();
        }

        var table = CsvReader.ReadAll(text.Value, new CsvOptions { File = name, HeaderComparer = StringComparer.OrdinalIgnoreCase, RestoreFormulas = true });
        if (table.Error is { } malformed)
        {
            return malformed.ToDomainError();
        }

        return await RecordAsync(access, assessmentId, table.Value, name, upload.Value.Bytes, label, ct);
    }

    /// <summary>
    /// The same import from a sheet already read into rows (the XLSX reader in Jikimi.Reports hands its first sheet
    /// here, header matched case-insensitively); <paramref name="bytes"/> is the file as uploaded, for its hash.
    /// </summary>
    public async Task<Result<RecordedRunView>> HandleTable(OrgAccess access, Guid assessmentId, CsvTable table, string name, byte[] bytes, string? label, CancellationToken ct)
    {
        if (await CheckAsync(access, assessmentId, ct) is { Error: { } refused })
        {
            return refused;
        }

        return await RecordAsync(access, assessmentId, table, name, bytes, label, ct);
    }

    private async Task<Jikimi.Domain.Common.Result> CheckAsync(OrgAccess access, Guid assessmentId, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "record automated results").Error is { } denied)
        {
            return denied;
        }

        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null)
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        return assessment.Edition != EditionId.IsmsP2023.Value ? new LegacyTargetNot2023(assessment.Edition) : Jikimi.Domain.Common.Result.Ok;
    }

    private async Task<Result<RecordedRunView>> RecordAsync(OrgAccess access, Guid assessmentId, CsvTable table, string name, byte[] bytes, string? label, CancellationToken ct)
    {
        var parsed = Map(table, name);
        if (parsed.Error is { } pe)
        {
            return pe;
        }

        var input = new AutomatedRunInput(
            AutomatedSources.Legacy,
            string.IsNullOrWhiteSpace(label) ? EditionId.KIsms2013.Value : label.Trim(),
            EditionId.KIsms2013.Value + " → " + EditionId.IsmsP2023.Value,
            null,
            [new AutomatedInputFile(name, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)))],
            parsed.Value!);
        return await record.Handle(access, assessmentId, input, null, ct);
    }

    /// <summary>The sheet's rows as results on 2023 controls, or the first row that is wrong.</summary>
    public static Result<List<AutomatedResultInput>> Map(CsvTable table, string file)
    {
        var header = table.Header;
        if (header?.IndexOf("id") is not { } idAt || header.IndexOf("result") is not { } resultAt)
        {
            return new LegacySheetInvalid(file, "the header must name the columns id and result (note is optional).");
        }

        var noteAt = header.IndexOf("note");
        var catalog = CriteriaCatalog.Embedded;
        var legacy = catalog[EditionId.KIsms2013];
        var target = catalog[EditionId.IsmsP2023];
        var (crosswalk, _) = catalog.FindCrosswalk(EditionId.KIsms2013, EditionId.IsmsP2023)!.Value;
        var results = new List<AutomatedResultInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            string Cell(int i) => i < row.Fields.Count ? row.Fields[i].Trim() : string.Empty;
            var where = $"{file}, row {row.Row}";
            var id = Cell(idAt);
            var item = legacy.Find(id);
            if (item is null)
            {
                return new LegacySheetInvalid(where, $"'{id}' is not a K-ISMS item (ids 1.1–5.3 and 1.1.1–13.2.2).");
            }

            if (!seen.Add(id))
            {
                return new LegacySheetInvalid(where, $"{id} appears twice.");
            }

            if (!TryParseResult(Cell(resultAt), out var result))
            {
                return new LegacySheetInvalid(where, $"'{Cell(resultAt)}' is not a result; use pass/이행, partial/부분이행, fail/미이행 or n/a/해당없음.");
            }

            var note = noteAt is { } n ? Cell(n) : string.Empty;
            var entry = crosswalk.ForSource(id).Single();
            foreach (var to in entry.ToIds)
            {
                var control = target.Find(to)!;
                var items = Enumerable.Range(1, control.CheckItems.Count).ToList();
                var detail = Reason(item, entry, control, note);
                var refs = new[] { new AutomatedControlInput(control.Id, items) };
                var rule = $"k-isms:{id}";

                // Too loose a relation to suggest anything: the result is kept, with its reason, as manual.
                if (entry.Kind == CrosswalkKind.Intersects && result is not LegacyResult.NotApplicable)
                {
                    results.Add(Result(rule, item, "manual", detail, refs));
                    continue;
                }

                switch (result)
                {
                    case LegacyResult.Pass:
                        results.Add(Result(rule, item, "pass", detail, refs));
                        break;
                    case LegacyResult.Fail:
                        results.Add(Result(rule, item, "fail", detail, refs));
                        break;
                    case LegacyResult.Partial:
                        // One failing and one passing result: the suggestion is 부분 이행, as for a mixed run.
                        results.Add(Result(rule, item, "fail", detail, refs));
                        results.Add(Result(rule + "#met", item, "pass", detail, refs));
                        break;
                    default:
                        results.Add(Result(rule, item, "not_applicable", detail, refs));
                        break;
                }
            }
        }

        return results.Count == 0 ? new LegacySheetInvalid(file, "the sheet has no rows.") : results;
    }

    private enum LegacyResult
    {
        Pass,
        Partial,
        Fail,
        NotApplicable,
    }

    private static bool TryParseResult(string text, out LegacyResult result)
    {
        result = text.ToLowerInvariant() switch
        {
            "pass" or "y" or "이행" or "적합" => LegacyResult.Pass,
            "partial" or "p" or "부분이행" or "부분 이행" => LegacyResult.Partial,
            "fail" or "n" or "미이행" or "결함" or "부적합" => LegacyResult.Fail,
            "n/a" or "na" or "not_applicable" or "해당없음" or "해당 없음" => LegacyResult.NotApplicable,
            _ => (LegacyResult)(-1),
        };
        return Enum.IsDefined(result);
    }

    private static AutomatedResultInput Result(string rule, Control item, string status, string detail, IReadOnlyList<AutomatedControlInput> controls) =>
        new(rule, $"K-ISMS {item.Id} {item.Title.Ko}", $"K-ISMS {item.Id} {item.Title.En}", null, "k-isms-item", item.Id, status, detail, controls);

    /// <summary>The crosswalk's relation and reason, with the sheet's note (cleaned like every detail when stored).</summary>
    private static string Reason(Control item, CrosswalkEntry entry, Control to, string note)
    {
        var (ko, en) = entry.Kind switch
        {
            CrosswalkKind.Equal => ("같음", "equal"),
            CrosswalkKind.Subset => ("일부(K-ISMS 항목이 2023 통제의 일부)", "subset (the K-ISMS item covers part of the 2023 control)"),
            CrosswalkKind.Superset => ("포함(K-ISMS 항목이 2023 통제보다 넓음)", "superset (the K-ISMS item covers more than the 2023 control)"),
            _ => ("일부 겹침", "intersects"),
        };
        var flag = entry.Confidence == "M" ? " [K-ISMS 제목 미확인 / K-ISMS title unconfirmed]" : string.Empty;
        var text = $"K-ISMS {item.Id} → 2023 {to.Id}: {ko} — {entry.Note.Ko} / {en} — {entry.Note.En}{flag}";
        return note.Length == 0 ? text : $"{text} | 비고 / note: {note}";
    }
}
