using Jikimi.Application.Assessments;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Input;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Automation.AzurePolicy;

/// <summary>found / mapped / unmapped, and why per group (like Prowler's counts).</summary>
public sealed record AzurePolicyCounts(string Format, int Found, int Mapped, int Unmapped, IReadOnlyList<AzurePolicyUnmapped> UnmappedBy)
{
    public static AzurePolicyCounts Of(AzurePolicyResultSet r) => new(r.Format, r.Found, r.Mapped.Count, r.Unmapped, r.UnmappedBy);
}

public sealed record AzurePolicyImportReport(RecordedRunView Recorded, AzurePolicyCounts Counts);

/// <summary>No state of the file names a 2023 control through the initiative's groups: nothing to evidence.</summary>
public sealed record AzurePolicyNothingMapped(AzurePolicyCounts Counts) : RuleError(
    "azure_policy.nothing_mapped",
    $"The Azure Policy states were not imported: none of the {Counts?.Found} states maps to an ISMS-P 2023 control through the K ISMS P 2023 initiative. "
    + string.Join(" ", (Counts?.UnmappedBy ?? []).Take(10).Select(u => $"{u.Explain(korean: false)} ({u.States}).")) + " Nothing was stored.");

/// <summary>
/// Imports the compliance states of Microsoft's "K ISMS P 2023" Azure Policy initiative (ADR 0060) as a run of source
/// <c>azure_policy</c> on the automated-evidence model: one result per state, on the 2023 controls its groups name
/// (every check item of the control, so a non-compliant state makes suggestions there — never a recorded result).
/// States that name no 2023 control are counted per group and reason. The same file twice is one run.
/// </summary>
public sealed class ImportAzurePolicy(JikimiDb db, RecordAutomatedRun record, TimeProvider clock, Microsoft.Extensions.Options.IOptions<InputLimits> inputLimits)
{
    public async Task<Result<AzurePolicyImportReport>> Handle(OrgAccess access, Guid assessmentId, Stream content, string? fileName, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "import Azure Policy compliance states").Error is { } denied)
        {
            return denied;
        }

        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null)
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        var name = string.IsNullOrWhiteSpace(fileName) ? "azure-policy.json" : Path.GetFileName(fileName);
        var upload = await InputFile.ReadAsync(content, name, null, inputLimits.Value.MaxScanResultBytes, ct, allowEmpty: true);
        if (upload.Error is { } unreadable)
        {
            return unreadable.ToDomainError();
        }

        var edition = ControlQueries.EditionOf(assessment.Edition);
        var map = AzurePolicyMap.K2023;
        var parsed = AzurePolicyReader.Parse(upload.Value.Bytes, name, edition, map);
        if (parsed.Error is { } bad)
        {
            return bad.ToDomainError();
        }

        var set = parsed.Value;
        var counts = AzurePolicyCounts.Of(set);
        if (set.Mapped.Count == 0)
        {
            return new AzurePolicyNothingMapped(counts);
        }

        var rows = set.Mapped.Select(m => new AutomatedResultInput(
                m.State.RuleId,
                m.State.Title,
                m.State.Title,
                null,
                m.State.ResourceType.Length > 0 ? m.State.ResourceType : null,
                m.State.ResourceId.Length > 0 ? m.State.ResourceId : null,
                m.State.Status,
                $"{m.State.RawState} · {string.Join(", ", m.State.Groups)}",
                m.Controls.Select(c => new AutomatedControlInput(c, AllItems(edition.Find(c)!))).ToList()))
            .ToList();
        var subscriptions = set.Mapped.Select(m => m.State.Subscription).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var label = $"azure {(subscriptions.Count == 0 ? "-" : string.Join(", ", subscriptions))}";
        var now = clock.GetUtcNow().UtcDateTime;
        var times = set.Mapped.Select(m => m.State.Time).Where(t => t is not null && t <= now).ToList();
        var input = new AutomatedRunInput(
            AutomatedSources.AzurePolicy,
            label.Length > AutomatedRun.LabelMax ? label[..AutomatedRun.LabelMax] : label,
            $"{map.DisplayName} {map.Version} ({set.Format})",
            times.Count == 0 ? null : times.Max(),
            [new AutomatedInputFile(name, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(upload.Value.Bytes)))],
            rows);
        var recorded = await record.Handle(access, assessmentId, input, null, ct);
        return recorded.Error is { } e ? e : new AzurePolicyImportReport(recorded.Value!, counts);
    }

    private static List<int> AllItems(Jikimi.Catalog.Model.Control control) =>
        Enumerable.Range(1, Math.Max(control.CheckItems.Count, control.CheckItemCount)).ToList();
}
