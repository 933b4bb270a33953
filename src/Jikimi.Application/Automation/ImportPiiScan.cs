using System.Globalization;
using System.Text.Json;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Automation;

/// <summary>
/// Records the JSON summary of <c>jikimi pii scan</c> (masked values and fingerprints only) as a run of source
/// <c>pii_scan</c> on the automated-evidence model (ADR 0055). Per scanned place (file, archive entry or table) and
/// kind of personal data one result:
/// <list type="bullet">
/// <item>unique identifiers (주민등록번호, 외국인등록번호, 여권번호, 운전면허번호) found in plain text fail
/// 2.7.1 check item 2 — they must be stored encrypted — and so suggest "미이행/부분 이행" there;</item>
/// <item>every other kind (card and account numbers, phones, e-mail, business numbers) is <c>manual</c> on 3.2.1
/// check item 1: a person compares the place with the personal-data inventory; nothing is suggested.</item>
/// </list>
/// A scan that found nothing is one <c>pass</c> on 2.7.1-2 for what was scanned. The uploaded file itself becomes
/// the evidence version; the optional <paramref name="control"/> of <see cref="Handle"/> is linked as well.
/// </summary>
public sealed class ImportPiiScan(JikimiDb db, RecordAutomatedRun record, Microsoft.Extensions.Options.IOptions<Jikimi.Input.InputLimits> inputLimits)
{
    /// <summary>The check item a plain-text unique identifier fails: 2.7.1-2 (personal data stored encrypted).</summary>
    public static readonly AutomatedControlInput Encryption = new("2.7.1", [2]);

    /// <summary>Where other personal data is weighed by a person: 3.2.1-1 (the inventory of personal-data files).</summary>
    public static readonly AutomatedControlInput Inventory = new("3.2.1", [1]);

    private static readonly HashSet<string> UniqueIdentifiers = new(StringComparer.Ordinal) { "KR_RRN", "KR_FRN", "KR_PASSPORT", "KR_DRIVER_LICENSE" };

    public async Task<Result<RecordedRunView>> Handle(OrgAccess access, Guid assessmentId, Stream content, string? fileName, string? control, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "record automated results").Error is { } denied)
        {
            return denied;
        }

        if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId, ct))
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        var name = string.IsNullOrWhiteSpace(fileName) ? "pii-scan.json" : Path.GetFileName(fileName);
        // Read whole through the one input edge, with the configured scan-result limit (input.too_large past it).
        var read = await Jikimi.Input.InputFile.ReadAsync(content, name, null, inputLimits.Value.MaxScanResultBytes, ct, allowEmpty: true);
        if (read.Error is { } unreadable)
        {
            return unreadable.ToDomainError();
        }

        var bytes = read.Value.Bytes;

        var parsed = Parse(bytes, name, string.IsNullOrWhiteSpace(control) ? null : control.Trim());
        if (parsed.Error is { } pe)
        {
            return pe;
        }

        var input = parsed.Value!;
        var day = (input.RanAt ?? DateTime.UtcNow).AddHours(9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fails = input.Results.Count(r => r.Status == "fail");
        var file = new AutomatedEvidenceFile(
            bytes,
            name,
            $"개인정보 검출 결과 (PII scan) {day}",
            $"개인정보 검출 결과(마스킹 값만): 고유식별정보 평문 {fails}곳 / PII scan summary (masked values only): plain-text unique identifiers in {fails} places.");
        return await record.Handle(access, assessmentId, input, file, ct);
    }

    /// <summary>The scan JSON as a run input, or where it stops being that JSON.</summary>
    public static Result<AutomatedRunInput> Parse(byte[] bytes, string fileName, string? control)
    {
        ScanDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<ScanDto>(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes, new JsonSerializerOptions(JsonSerializerDefaults.Web) { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } l ? $"line {l + 1}, byte {ex.BytePositionInLine + 1}" : "the start";
            return new AutomatedFileUnreadable(fileName, where, "not the JSON of `jikimi pii scan --format json`, or cut short.");
        }

        if (dto?.Findings is null || dto.Summary is null)
        {
            return new AutomatedFileUnreadable(fileName, "$", "not the JSON of `jikimi pii scan --format json`: it has no \"findings\" and \"summary\".");
        }

        var extra = control is null ? [] : new List<AutomatedControlInput> { new(control, []) };
        var results = new List<AutomatedResultInput>();
        foreach (var g in dto.Findings.Where(f => f?.Type is not null)
                     .GroupBy(f => (Place: Place(f!), Type: f!.Type!))
                     .OrderBy(g => g.Key.Place, StringComparer.Ordinal).ThenBy(g => g.Key.Type, StringComparer.Ordinal))
        {
            var unique = UniqueIdentifiers.Contains(g.Key.Type);
            var high = g.Count(f => f!.Confidence == "high");
            var medium = g.Count(f => f!.Confidence == "medium");
            var severity = unique ? (high > 0 ? "high" : "medium") : high > 0 ? "medium" : "low";
            var masked = string.Join(", ", g.Select(f => f!.Masked).Where(m => !string.IsNullOrEmpty(m)).Distinct(StringComparer.Ordinal).Take(3));
            var detail = $"{g.Count()} {g.Key.Type} (high {high}, medium {medium}); masked: {masked}";
            results.Add(new AutomatedResultInput(
                $"PII-{g.Key.Type}",
                unique ? $"고유식별정보({g.Key.Type}) 평문 저장" : $"개인정보({g.Key.Type}) 보관 위치 확인",
                unique ? $"Unique identifier ({g.Key.Type}) stored in plain text" : $"Personal data ({g.Key.Type}) found: check it against the inventory",
                severity,
                g.Key.Place.Contains("#table:", StringComparison.Ordinal) ? "db.table" : "file",
                g.Key.Place,
                unique ? "fail" : "manual",
                detail,
                [unique ? Encryption : Inventory, .. extra]));
        }

        if (results.Count == 0)
        {
            var scanned = dto.Paths is { Count: > 0 } p ? string.Join(", ", p.Take(5)) : "scan";
            results.Add(new AutomatedResultInput(
                "PII-NONE", "평문 고유식별정보 없음", "No plain-text unique identifiers found", "info", "scan", scanned, "pass",
                $"{dto.Summary.Files} files/tables, {dto.Summary.Bytes} bytes scanned", [Encryption, .. extra]));
        }

        var label = dto.Paths is { Count: > 0 } paths ? string.Join(", ", paths) : fileName;
        label = label.Length > AutomatedRun.LabelMax ? label[..(AutomatedRun.LabelMax - 1)] + "…" : label;
        DateTime? ranAt = DateTimeOffset.TryParse(dto.ScannedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at.UtcDateTime : null;
        return new AutomatedRunInput(AutomatedSources.PiiScan, label, dto.Version is null ? "pii-scan" : $"pii-scan-{dto.Version}", ranAt, [new AutomatedInputFile(fileName, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)))], results);
    }

    private static string Place(FindingDto f) =>
        (f.Path ?? "?") + (f.Entry is null ? string.Empty : "!" + f.Entry) + (f.Table is null ? string.Empty : $"#table:{f.Table}");

    private sealed record ScanDto(string? Version, string? ScannedAt, List<string>? Paths, List<FindingDto?>? Findings, SummaryDto? Summary);

    private sealed record FindingDto(string? Type, string? Confidence, string? Path, string? Entry, string? Table, string? Masked);

    private sealed record SummaryDto(long Files, long Bytes, long Findings);
}
