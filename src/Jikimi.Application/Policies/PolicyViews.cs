using Jikimi.Domain.Programme;

namespace Jikimi.Application.Policies;

public sealed record PolicyRequest(string? Code, string? Title, string? Kind, string? Owner, IReadOnlyList<string>? Controls, int? ReviewIntervalMonths);

public sealed record DraftPolicyRequest(string? ChangeNote);

public sealed record ApprovePolicyRequest(DateOnly? EffectiveDate);

public sealed record PolicyVersionView(Guid Id, int Number, string? ChangeNote, DateTime CreatedAt, bool Approved, DateTime? ApprovedAt, string? ApprovedBy, DateOnly? EffectiveDate, int Acknowledgements);

public sealed record PolicyAcknowledgementView(Guid UserId, string Name, int Version, DateTime AcknowledgedAt);

public sealed record PolicyRowView(
    Guid Id, string Code, string Title, string Kind, string KindKo, string KindEn, string? Owner, IReadOnlyList<string> Controls, int ReviewIntervalMonths,
    int? CurrentVersion, DateOnly? EffectiveDate, DateOnly? LastReviewedOn, DateOnly? ReviewDueOn, bool ReviewOverdue, bool DraftPending, Guid? EvidenceId, int Version)
{
    public static PolicyRowView Of(Policy p, DateOnly today) => new(
        p.Id, p.Code, p.Title, p.Kind.ToWire(), p.Kind.TitleKo(), p.Kind.TitleEn(), p.Owner, p.ControlIds, p.ReviewIntervalMonths,
        p.CurrentVersion, p.EffectiveDate, p.LastReviewedOn, p.ReviewDueOn, p.IsReviewOverdue(today), p.LatestVersion > (p.CurrentVersion ?? 0), p.EvidenceId, p.Version);
}

/// <summary>A document with its versions, who acknowledged the version in force, and the members who have not yet.</summary>
public sealed record PolicyView(PolicyRowView Policy, IReadOnlyList<PolicyVersionView> Versions, IReadOnlyList<PolicyAcknowledgementView> Acknowledgements, IReadOnlyList<string> NotYetAcknowledged, bool AcknowledgedByMe);

internal static class PolicyMapping
{
    public static Jikimi.Domain.Common.Result<PolicyData> Data(PolicyRequest req)
    {
        var kind = PolicyKind.Policy;
        if (req.Kind is not null && !PolicyKinds.TryParse(req.Kind, out kind))
        {
            return new Jikimi.Domain.Common.Invalid("kind", "kind must be policy, guideline or procedure.");
        }

        return new PolicyData(req.Code, req.Title, kind, req.Owner, req.Controls, req.ReviewIntervalMonths ?? 12);
    }
}
