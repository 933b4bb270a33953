using Jikimi.Application.Automation;
using Jikimi.Application.Common;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Input;
using Jikimi.Reports.Xlsx;
using Microsoft.Extensions.Options;

namespace Jikimi.Reports.Legacy;

/// <summary>
/// The legacy results import for either sheet format (issue 19): a CSV goes to <see cref="ImportLegacyResults"/> as
/// it is; an XLSX (told apart by the zip signature) is read with the bounded <see cref="XlsxReader"/> — its first
/// sheet, header row <c>id</c>, <c>result</c>, <c>note</c> — and handed to the same import, so the rules, the
/// crosswalk reasons and the all-or-nothing refusal are one. Both are limited by <c>Input:MaxImportBytes</c>.
/// </summary>
public sealed class ImportLegacySheet(ImportLegacyResults legacy, IOptions<InputLimits> inputLimits)
{
    /// <summary>Enough for every K-ISMS item twice over; more is not a results sheet.</summary>
    public const int MaxRows = 400;

    public async Task<Result<RecordedRunView>> Handle(OrgAccess access, Guid assessmentId, Stream content, string? fileName, string? label, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "record automated results").Error is { } denied)
        {
            return denied;
        }

        var limits = inputLimits.Value;
        var upload = await InputFile.ReadAsync(content, fileName, null, limits.MaxImportBytes, ct);
        if (upload.Error is { } unreadable)
        {
            return unreadable.ToDomainError();
        }

        if (!upload.Value.IsZip)
        {
            using var csv = upload.Value.OpenRead();
            return await legacy.Handle(access, assessmentId, csv, fileName, label, ct);
        }

        var name = string.IsNullOrWhiteSpace(fileName) ? "legacy.xlsx" : Path.GetFileName(fileName);
        using var xlsx = upload.Value.OpenRead();
        var (table, problem) = Read(xlsx, name, limits);
        return problem is not null
            ? new LegacySheetInvalid(problem.Cell is null ? name : $"{name}, {problem.Cell}", $"{problem.Message} ({problem.Code})")
            : await legacy.HandleTable(access, assessmentId, table!, name, upload.Value.Bytes, label, ct);
    }

    /// <summary>The first sheet as a table: row 1 the header, later non-empty rows the data (numbered as in the sheet, 1 = the header).</summary>
    public static (CsvTable? Table, SheetProblem? Problem) Read(Stream input, string name, InputLimits limits)
    {
        var (content, problem) = XlsxReader.Read(input, _ => true, "the results sheet", limits, maxRows: MaxRows + 1, maxColumns: 16);
        if (content is null)
        {
            return (null, problem);
        }

        var header = content.Rows.GetValueOrDefault(1);
        if (header is null || header.Count == 0)
        {
            return (null, new SheetProblem("A1", "sheet.no_header", "The first row must name the columns id, result and (optionally) note."));
        }

        foreach (var (rowNumber, cells) in content.Rows)
        {
            if (cells.FirstOrDefault(c => c.Value.Formula) is { Value: not null } f)
            {
                return (null, new SheetProblem(CellRef.Of(f.Key, rowNumber), "sheet.formula", "Cells must hold values, not formulas."));
            }
        }

        var width = header.Keys.Max();
        var names = new CsvHeader(Enumerable.Range(1, width).Select(c => header.GetValueOrDefault(c)?.Text.Trim() ?? string.Empty).ToList(), StringComparer.OrdinalIgnoreCase);
        var rows = content.Rows.Where(r => r.Key > 1 && r.Value.Values.Any(c => !string.IsNullOrWhiteSpace(c.Text))).OrderBy(r => r.Key)
            .Select(r => new CsvRow(Enumerable.Range(1, width).Select(c => FormulaGuard.Restore(r.Value.GetValueOrDefault(c)?.Text ?? string.Empty)).ToList(), r.Key, r.Key, names, name))
            .ToList();
        return (new CsvTable(names, rows), null);
    }
}
