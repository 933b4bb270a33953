using System.Text.RegularExpressions;
using Jikimi.Domain.Common;

namespace Jikimi.Domain.Programme;

/// <summary>What kind of document a register entry is: the top-level policy (정책), a guideline (지침) or a procedure (절차).</summary>
public enum PolicyKind
{
    Policy = 0,
    Guideline = 1,
    Procedure = 2,
}

public static class PolicyKinds
{
    public static string ToWire(this PolicyKind k) => k switch
    {
        PolicyKind.Guideline => "guideline",
        PolicyKind.Procedure => "procedure",
        _ => "policy",
    };

    public static string TitleKo(this PolicyKind k) => k switch
    {
        PolicyKind.Guideline => "지침",
        PolicyKind.Procedure => "절차",
        _ => "정책",
    };

    public static string TitleEn(this PolicyKind k) => k switch
    {
        PolicyKind.Guideline => "Guideline",
        PolicyKind.Procedure => "Procedure",
        _ => "Policy",
    };

    public static bool TryParse(string? text, out PolicyKind kind)
    {
        foreach (var k in Enum.GetValues<PolicyKind>())
        {
            if (string.Equals(k.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

/// <summary>What a register entry says about itself (the editable part).</summary>
public sealed record PolicyData(string? Code, string? Title, PolicyKind Kind, string? Owner, IReadOnlyList<string>? Controls, int ReviewIntervalMonths);

/// <summary>
/// One document of the policy register (1.1.5 정책 수립, 2.1.1 정책의 유지관리): its owner, the controls it supports,
/// its versions (each approved by the responsible officer, with an effective date) and the yearly review due date.
/// The current version is the last approved one; a draft waits for approval.
/// </summary>
public sealed partial class Policy : ITenantOwned
{
    public const int CodeMax = 40;

    private Policy()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public PolicyKind Kind { get; private set; }
    public string? Owner { get; private set; }

    /// <summary>Supported controls, comma-separated ("1.1.5,2.1.1"): few per document, read whole.</summary>
    public string Controls { get; private set; } = string.Empty;

    public int ReviewIntervalMonths { get; private set; } = 12;

    /// <summary>The number of the approved version in force (null before the first approval).</summary>
    public int? CurrentVersion { get; private set; }
    public DateOnly? EffectiveDate { get; private set; }
    public DateOnly? LastReviewedOn { get; private set; }

    /// <summary>When the next yearly review is due: the last approval's effective date or the last review, plus the interval.</summary>
    public DateOnly? ReviewDueOn { get; private set; }

    /// <summary>The evidence item that carries this document's approval and review records.</summary>
    public Guid? EvidenceId { get; private set; }
    public int LatestVersion { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<string> ControlIds => Controls.Length == 0 ? [] : Controls.Split(',');

    public static Result<Policy> Create(Guid organizationId, PolicyData data, DateTime now)
    {
        var p = new Policy { Id = Guid.NewGuid(), OrganizationId = organizationId, CreatedAt = now };
        var r = p.Describe(data);
        return r.Error is { } e ? e : p;
    }

    public Result Describe(PolicyData d)
    {
        var code = Text.Required("code", d.Code, CodeMax);
        var title = Text.Required("title", d.Title, 300);
        var owner = Text.Optional("owner", d.Owner, 200);
        if ((code.Error ?? title.Error ?? owner.Error) is { } e)
        {
            return e;
        }

        if (!Enum.IsDefined(d.Kind))
        {
            return new Invalid("kind", "Unknown document kind.");
        }

        if (d.ReviewIntervalMonths is < 1 or > 36)
        {
            return new Invalid("reviewIntervalMonths", "reviewIntervalMonths must be between 1 and 36.");
        }

        var controls = (d.Controls ?? []).Select(c => c?.Trim() ?? string.Empty).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (controls.FirstOrDefault(c => !ControlIdPattern().IsMatch(c)) is { } bad)
        {
            return new Invalid("controls", $"'{bad}' is not a control id such as 2.1.1.");
        }

        if (controls.Count > 30)
        {
            return new Invalid("controls", "A document supports at most 30 controls.");
        }

        Code = code.Value!;
        Title = title.Value!;
        Kind = d.Kind;
        Owner = owner.Value;
        Controls = string.Join(',', controls);
        ReviewIntervalMonths = d.ReviewIntervalMonths;
        ReviewDueOn = (LastReviewedOn is { } r && (EffectiveDate is not { } ef || r >= ef) ? r : EffectiveDate)?.AddMonths(ReviewIntervalMonths);
        Version++;
        return Result.Ok;
    }

    /// <summary>Starts the next version as a draft; only one draft at a time.</summary>
    public Result<PolicyVersion> Draft(string? changeNote, Guid by, DateTime now)
    {
        if (LatestVersion > (CurrentVersion ?? 0))
        {
            return new PolicyDraftPending(Code, LatestVersion);
        }

        var note = Text.Optional("changeNote", changeNote, 2000);
        if (note.Error is { } e)
        {
            return e;
        }

        LatestVersion++;
        Version++;
        return PolicyVersion.Create(this, LatestVersion, note.Value, by, now);
    }

    /// <summary>The responsible officer approves the draft; it is in force from its effective date and the review clock restarts.</summary>
    public Result Approve(PolicyVersion draft, Guid by, string byName, DateOnly effectiveDate, DateTime now)
    {
        if (draft.PolicyId != Id || draft.Number != LatestVersion || draft.ApprovedAt is not null)
        {
            return new PolicyNothingToApprove(Code);
        }

        draft.MarkApproved(by, byName, effectiveDate, now);
        CurrentVersion = draft.Number;
        EffectiveDate = effectiveDate;
        ReviewDueOn = effectiveDate.AddMonths(ReviewIntervalMonths);
        Version++;
        return Result.Ok;
    }

    /// <summary>The yearly review found the approved version still right: the next review is due one interval later.</summary>
    public Result Review(DateOnly on)
    {
        if (CurrentVersion is null)
        {
            return new PolicyNotApproved(Code);
        }

        LastReviewedOn = on;
        ReviewDueOn = on.AddMonths(ReviewIntervalMonths);
        Version++;
        return Result.Ok;
    }

    public void UseEvidence(Guid evidenceId) => EvidenceId = evidenceId;

    public bool IsReviewOverdue(DateOnly today) => ReviewDueOn is { } d && d < today;

    [GeneratedRegex(@"^\d{1,2}\.\d{1,2}\.\d{1,2}$")]
    private static partial Regex ControlIdPattern();
}

/// <summary>One version of a register document: a draft until the responsible officer approves it.</summary>
public sealed class PolicyVersion : ITenantOwned
{
    private PolicyVersion()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid PolicyId { get; private set; }
    public int Number { get; private set; }
    public string? ChangeNote { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public Guid? ApprovedBy { get; private set; }
    public string? ApprovedByName { get; private set; }
    public DateOnly? EffectiveDate { get; private set; }

    internal static PolicyVersion Create(Policy p, int number, string? note, Guid by, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = p.OrganizationId,
        PolicyId = p.Id,
        Number = number,
        ChangeNote = note,
        CreatedAt = now,
        CreatedBy = by,
    };

    internal void MarkApproved(Guid by, string byName, DateOnly effectiveDate, DateTime now)
    {
        ApprovedAt = now;
        ApprovedBy = by;
        ApprovedByName = byName.Length > 200 ? byName[..200] : byName;
        EffectiveDate = effectiveDate;
    }
}

/// <summary>A member's statement that they have read one approved version (staff acknowledgement).</summary>
public sealed class PolicyAcknowledgement : ITenantOwned
{
    private PolicyAcknowledgement()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid PolicyId { get; private set; }
    public Guid PolicyVersionId { get; private set; }
    public int VersionNumber { get; private set; }
    public Guid UserId { get; private set; }
    public DateTime AcknowledgedAt { get; private set; }

    public static PolicyAcknowledgement Create(PolicyVersion v, Guid userId, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = v.OrganizationId,
        PolicyId = v.PolicyId,
        PolicyVersionId = v.Id,
        VersionNumber = v.Number,
        UserId = userId,
        AcknowledgedAt = now,
    };
}

public sealed record PolicyDraftPending(string Code, int Number) : ConflictError("policy.draft_pending", $"Document {Code} already has a draft (version {Number}) waiting for approval.");

public sealed record PolicyNothingToApprove(string Code) : ConflictError("policy.nothing_to_approve", $"Document {Code} has no draft to approve.");

public sealed record PolicyNotApproved(string Code) : ConflictError("policy.not_approved", $"Document {Code} has no approved version yet.");

public sealed record PolicyCodeTaken(string Code) : ConflictError("policy.code_taken", $"Another document already uses the code {Code}.");

public sealed record PolicyAlreadyAcknowledged(int Number) : ConflictError("policy.already_acknowledged", $"You have already acknowledged version {Number}.");
