using System.Text.Json;
using System.Text.Json.Serialization;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Automation;

/// <summary>
/// Records the JSON of <c>jikimi checks run --format json</c> (a <c>CheckRun</c>: ruleSetVersion, inputs with their
/// SHA-256, results with their ISMS-P controls and check items) as a run of source "checks". The file is read with
/// the configured size limit (<c>Input:MaxScanResultBytes</c>); a file that is not such JSON, or is cut short, is refused with its name and the line and byte
/// where reading stopped, and nothing is stored.
/// </summary>
public sealed class ImportCheckRun(JikimiDb db, RecordAutomatedRun record, Microsoft.Extensions.Options.IOptions<Jikimi.Input.InputLimits> inputLimits)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    public async Task<Result<RecordedRunView>> Handle(OrgAccess access, Guid assessmentId, Stream content, string? fileName, string? label, CancellationToken ct)
    {
        // Refuse by role and missing assessment before reading a byte of the upload.
        if (access.Require(Permissions.CanManageWorkspace, "record automated results").Error is { } denied)
        {
            return denied;
        }

        if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId, ct))
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        var name = string.IsNullOrWhiteSpace(fileName) ? "upload.json" : Path.GetFileName(fileName);
        // A machine export read whole: the configured scan-result limit, refused as input.too_large past it.
        var read = await Jikimi.Input.InputFile.ReadAsync(content, name, null, inputLimits.Value.MaxScanResultBytes, ct, allowEmpty: true);
        if (read.Error is { } unreadable)
        {
            return unreadable.ToDomainError();
        }

        var parsed = Parse(read.Value.Bytes, name);
        if (parsed.Error is { } pe)
        {
            return pe;
        }

        var input = parsed.Value! with { Label = string.IsNullOrWhiteSpace(label) ? parsed.Value!.Label : label.Trim() };
        return await record.Handle(access, assessmentId, input, null, ct);
    }

    /// <summary>The file as a run input, or where it stops being the checks JSON.</summary>
    public static Result<AutomatedRunInput> Parse(byte[] bytes, string fileName)
    {
        CheckRunDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<CheckRunDto>(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } l ? $"line {l + 1}, byte {ex.BytePositionInLine + 1}" : "the start";
            return new AutomatedFileUnreadable(fileName, where, ex.Path is { Length: > 1 } p ? $"not the JSON of `jikimi checks run --format json` (at {p})." : "not valid JSON, or cut short.");
        }

        if (dto?.Results is null)
        {
            return new AutomatedFileUnreadable(fileName, "$", "not the JSON of `jikimi checks run --format json`: it has no \"results\" array.");
        }

        var inputs = (dto.Inputs ?? []).Select((i, n) => new AutomatedInputFile(i?.FileName ?? i?.Name ?? i?.Path ?? $"input-{n + 1}", i?.Sha256 ?? string.Empty)).ToList();
        var label = dto.Label ?? (inputs.Count == 0 ? fileName : string.Join(", ", inputs.Select(i => Path.GetFileName(i.Name)).Order(StringComparer.Ordinal).Take(5)));
        var results = dto.Results.Select(r => new AutomatedResultInput(
            r?.RuleId ?? string.Empty,
            r?.TitleKo,
            r?.TitleEn,
            r?.Severity,
            r?.ResourceType,
            r?.ResourceId,
            r?.Status ?? string.Empty,
            r?.Detail,
            (r?.Controls ?? []).Select(c => new AutomatedControlInput(c?.ControlId ?? string.Empty, c?.CheckItems)).ToList())).ToList();
        return new AutomatedRunInput(AutomatedSources.Checks, label, dto.RuleSetVersion, dto.FinishedAt ?? dto.StartedAt ?? dto.RanAt, inputs, results);
    }

    private sealed record CheckRunDto(
        string? RuleSetVersion,
        string? Label,
        DateTime? StartedAt,
        DateTime? FinishedAt,
        DateTime? RanAt,
        List<InputDto?>? Inputs,
        List<ResultDto?>? Results);

    private sealed record InputDto(string? FileName, string? Name, string? Path, string? Sha256);

    private sealed record ResultDto(
        string? RuleId,
        string? TitleKo,
        string? TitleEn,
        string? Severity,
        string? ResourceType,
        string? ResourceId,
        string? Status,
        string? Detail,
        List<ControlDto?>? Controls);

    private sealed record ControlDto(string? ControlId, List<int>? CheckItems);
}
