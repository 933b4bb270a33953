using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Risk;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assets;

public sealed record ImportSummary(int Rows, int Created, int Updated);

/// <summary>
/// Imports an asset sheet all or nothing: every row is checked first (columns, asset ids unique in the file, types,
/// owners who are members, ratings on the method's scale); any problem rejects the whole file with every problem
/// listed by row and column. A row whose asset id exists updates that asset. One transaction, one audit event.
/// </summary>
public sealed class ImportAssets(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    /// <summary>For the edge: refuse before reading a file.</summary>
    public Result CanImport(OrgAccess access) => access.Require(Permissions.CanManageWorkspace, "import assets");

    public async Task<Result<ImportSummary>> Handle(OrgAccess access, AssetSheet sheet, CancellationToken ct)
    {
        if (CanImport(access).Error is { } denied)
        {
            return denied;
        }

        var errors = new List<ImportRowError>();
        var index = Columns(sheet.Columns, errors);
        if (errors.Count > 0)
        {
            return new ImportRejected(errors);
        }

        if (sheet.Rows.Count > AssetSheet.MaxRows)
        {
            return new ImportRejected([new ImportRowError(0, null, "import.too_many_rows", $"At most {AssetSheet.MaxRows:N0} rows per file.")]);
        }

        var method = await CurrentMethod.OfAsync(db, ct);
        var people = await OrgPeople.LoadAsync(db, ct);
        var existing = await db.Set<Asset>().ToDictionaryAsync(a => a.Code, StringComparer.OrdinalIgnoreCase, ct);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow().UtcDateTime;
        int created = 0, updated = 0;
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            var rowNumber = i + 2;
            var cells = sheet.Rows[i];
            string? Cell(string column) => index.TryGetValue(column, out var c) && c < cells.Count ? cells[c] : null;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var rowErrors = errors.Count;
            var code = Cell("assetId")?.Trim() ?? string.Empty;
            if (code.Length > 0 && !seen.TryAdd(code, rowNumber))
            {
                errors.Add(new ImportRowError(rowNumber, "assetId", "asset.duplicate", $"Asset id '{code}' is also on row {seen[code]}."));
            }

            if (!AssetTypes.TryParse(Cell("type"), out var type))
            {
                errors.Add(new ImportRowError(rowNumber, "type", "asset.type_unknown", $"Unknown type '{Cell("type")}'."));
            }

            var owner = people.Resolve("owner", Cell("owner"));
            if (owner.Error is { } oe)
            {
                errors.Add(new ImportRowError(rowNumber, "owner", oe.Code, oe.Message));
            }

            var c = Rating(Cell("confidentiality"), rowNumber, "confidentiality", errors);
            var ig = Rating(Cell("integrity"), rowNumber, "integrity", errors);
            var av = Rating(Cell("availability"), rowNumber, "availability", errors);
            var inScope = Flag(Cell("inScope"), true, rowNumber, "inScope", errors);
            var pi = Flag(Cell("personalInfo"), false, rowNumber, "personalInfo", errors);
            var uid = Flag(Cell("uniqueId"), false, rowNumber, "uniqueId", errors);
            if (errors.Count > rowErrors)
            {
                continue;
            }

            var data = new AssetData(code, Cell("name"), type, owner.Value, Cell("administrator"), Cell("location"), inScope, c, ig, av, pi, uid);
            Result applied;
            if (existing.TryGetValue(code, out var asset))
            {
                applied = asset.Update(data, method, now);
                updated += applied.IsSuccess ? 1 : 0;
            }
            else
            {
                var made = Asset.Create(access.OrganizationId, data, method, now);
                applied = made.Error is { } me ? me : Result.Ok;
                if (made.Value is { } a)
                {
                    db.Add(a);
                    created++;
                }
            }

            if (applied.Error is { } ae)
            {
                errors.Add(new ImportRowError(rowNumber, ae.Code.StartsWith("validation.", StringComparison.Ordinal) ? ae.Code["validation.".Length..] : null, ae.Code, ae.Message));
            }
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear(); // nothing of this file reaches the database
            return new ImportRejected(errors);
        }

        audit.Record(access, AuditActions.AssetsImported, "asset", "import", new { rows = created + updated, created, updated });
        var saved = await audit.SaveAsync(ct, "asset");
        return saved.Error is { } se ? se : new ImportSummary(created + updated, created, updated);
    }

    private static Dictionary<string, int> Columns(IReadOnlyList<string> columns, List<ImportRowError> errors)
    {
        var known = AssetSheet.Required.Concat(AssetSheet.Optional).ToDictionary(c => c, StringComparer.OrdinalIgnoreCase);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var name = columns[i].Trim().TrimStart('\uFEFF');
            if (!known.TryGetValue(name, out var canonical))
            {
                errors.Add(new ImportRowError(1, name, "import.unknown_column", $"Unknown column '{name}'. Columns: {string.Join(", ", AssetSheet.All)}."));
            }
            else if (!index.TryAdd(canonical, i))
            {
                errors.Add(new ImportRowError(1, name, "import.duplicate_column", $"Column '{name}' appears twice."));
            }
        }

        foreach (var missing in AssetSheet.Required.Where(r => !index.ContainsKey(r)))
        {
            errors.Add(new ImportRowError(1, missing, "import.missing_column", $"Required column '{missing}' is missing."));
        }

        return index;
    }

    private static int Rating(string? text, int row, string column, List<ImportRowError> errors)
    {
        if (int.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        errors.Add(new ImportRowError(row, column, "asset.rating_invalid", $"{column} must be a whole number, not '{text}'."));
        return 0;
    }

    private static bool Flag(string? text, bool empty, int row, string column, List<ImportRowError> errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "":
                return empty;
            case "y" or "yes" or "true" or "1" or "o" or "예" or "네":
                return true;
            case "n" or "no" or "false" or "0" or "x" or "아니오" or "아니요":
                return false;
            default:
                errors.Add(new ImportRowError(row, column, "asset.flag_invalid", $"{column} must be Y or N, not '{text}'."));
                return empty;
        }
    }
}
