using Jikimi.Domain.Common;

namespace Jikimi.Domain.Automation;

/// <summary>
/// One run of a technical source (Prowler, Jikimi's own checks, a PII scan, an access-record inspection, Azure
/// Policy) recorded against an assessment: what was read (file names and SHA-256), which rule set judged it, who
/// recorded it and when, and the counts per status. Runs of one source over the same target (its
/// <see cref="Label"/>, e.g. the AWS account) form a series: the trend and the diff compare within it.
/// Immutable once recorded, except for the evidence it produced.
/// </summary>
public sealed class AutomatedRun : ITenantOwned
{
    public const int LabelMax = 200;
    public const int RuleSetMax = 100;
    public const int InputsMax = 8000;

    private AutomatedRun()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid AssessmentId { get; private set; }
    public string Source { get; private set; } = string.Empty;
    public string Label { get; private set; } = string.Empty;
    public string RuleSetVersion { get; private set; } = string.Empty;

    /// <summary>JSON array of { name, sha256 }: the files the run read.</summary>
    public string Inputs { get; private set; } = "[]";

    /// <summary>SHA-256 of the run's normalized content: the same results recorded twice are one run.</summary>
    public string Fingerprint { get; private set; } = string.Empty;

    /// <summary>When the source ran (from its output), else when it was recorded.</summary>
    public DateTime RanAt { get; private set; }

    public DateTime RecordedAt { get; private set; }
    public Guid? RecordedByUserId { get; private set; }
    public string RecordedBy { get; private set; } = string.Empty;
    public int Pass { get; private set; }
    public int Fail { get; private set; }
    public int Errors { get; private set; }
    public int NotApplicable { get; private set; }
    public int Manual { get; private set; }
    public Guid? EvidenceId { get; private set; }
    public int? EvidenceVersion { get; private set; }

    public int Total => Pass + Fail + Errors + NotApplicable + Manual;

    public static Result<AutomatedRun> Create(
        Guid organizationId, Guid assessmentId, string? source, string? label, string? ruleSetVersion, string inputsJson, string fingerprint,
        DateTime ranAt, Guid? recordedByUserId, string recordedBy, IEnumerable<AutomatedStatus> statuses, DateTime now)
    {
        if (!AutomatedSources.IsKnown(source))
        {
            return new Invalid("source", $"source must be one of {string.Join(", ", AutomatedSources.All)}.");
        }

        var l = Text.Optional("label", label, LabelMax);
        var r = Text.Optional("ruleSetVersion", ruleSetVersion, RuleSetMax);
        if ((l.Error ?? r.Error) is { } e)
        {
            return e;
        }

        if (inputsJson.Length > InputsMax)
        {
            return new Invalid("inputs", $"inputs (file names and hashes) are longer than {InputsMax} characters.");
        }

        var run = new AutomatedRun
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            AssessmentId = assessmentId,
            Source = source!,
            Label = l.Value ?? "-",
            RuleSetVersion = r.Value ?? "-",
            Inputs = inputsJson,
            Fingerprint = fingerprint,
            RanAt = ranAt > now ? now : ranAt, // a run cannot have happened after it was recorded
            RecordedAt = now,
            RecordedByUserId = recordedByUserId,
            RecordedBy = recordedBy.Length > 200 ? recordedBy[..200] : recordedBy,
        };
        foreach (var s in statuses)
        {
            _ = s switch
            {
                AutomatedStatus.Pass => run.Pass++,
                AutomatedStatus.Fail => run.Fail++,
                AutomatedStatus.Error => run.Errors++,
                AutomatedStatus.NotApplicable => run.NotApplicable++,
                _ => run.Manual++,
            };
        }

        return run;
    }

    /// <summary>The evidence version that carries this run's results (set in the same unit of work).</summary>
    public void AttachEvidence(Guid evidenceId, int version)
    {
        EvidenceId = evidenceId;
        EvidenceVersion = version;
    }
}
