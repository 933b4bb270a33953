using Jikimi.Domain.Risk;

namespace Jikimi.Application.Flows;

/// <summary>stage: collection, retention-use, provision-entrustment or destruction.</summary>
public sealed record FlowRequest(string? Service, string? Stage, string? Items, string? LegalBasis, string? Systems, string? Recipients);

public sealed record FlowRowView(Guid Id, string Service, string Stage, string StageKo, string StageEn, string Items, string? LegalBasis, string? Systems, string? Recipients, DateTime UpdatedAt)
{
    public static FlowRowView Of(PersonalInfoFlow f) =>
        new(f.Id, f.Service, f.Stage.ToWire(), f.Stage.TitleKo(), f.Stage.TitleEn(), f.Items, f.LegalBasis, f.Systems, f.Recipients, f.UpdatedAt);
}

/// <summary>One service's lifecycle table, rows in stage order (collection → retention/use → provision/entrustment → destruction).</summary>
public sealed record ServiceFlowView(string Service, IReadOnlyList<FlowRowView> Rows);

internal static class FlowMapping
{
    public static Domain.Common.Result<FlowData> Data(FlowRequest r) =>
        LifecycleStages.TryParse(r.Stage, out var stage)
            ? new FlowData(r.Service, stage, r.Items, r.LegalBasis, r.Systems, r.Recipients)
            : new Domain.Common.Invalid("stage", "stage must be collection, retention-use, provision-entrustment or destruction.");
}
