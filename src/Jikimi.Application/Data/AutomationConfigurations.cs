using Jikimi.Domain.Assessments;
using Jikimi.Domain.Automation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jikimi.Application.Data;

internal sealed class AutomatedRunConfig : IEntityTypeConfiguration<AutomatedRun>
{
    public void Configure(EntityTypeBuilder<AutomatedRun> b)
    {
        b.ToTable("AutomatedRuns");

        // Listing per assessment newest first; a series (source, label) for the trend; idempotence by fingerprint.
        b.HasIndex(x => new { x.AssessmentId, x.RanAt });
        b.HasIndex(x => new { x.AssessmentId, x.Source, x.Label, x.RanAt });
        b.HasIndex(x => new { x.AssessmentId, x.Fingerprint }).IsUnique();
        b.Ignore(x => x.Total);
        b.Property(x => x.Source).HasMaxLength(40);
        b.Property(x => x.Label).HasMaxLength(AutomatedRun.LabelMax);
        b.Property(x => x.RuleSetVersion).HasMaxLength(AutomatedRun.RuleSetMax);
        b.Property(x => x.Inputs).HasMaxLength(AutomatedRun.InputsMax);
        b.Property(x => x.Fingerprint).HasMaxLength(64);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AutomatedResultConfig : IEntityTypeConfiguration<AutomatedResult>
{
    public void Configure(EntityTypeBuilder<AutomatedResult> b)
    {
        b.ToTable("AutomatedResults");
        b.HasIndex(x => new { x.RunId, x.Status });
        b.Property(x => x.RuleId).HasMaxLength(AutomatedResult.RuleMax);
        b.Property(x => x.TitleKo).HasMaxLength(AutomatedResult.TitleMax);
        b.Property(x => x.TitleEn).HasMaxLength(AutomatedResult.TitleMax);
        b.Property(x => x.ResourceType).HasMaxLength(AutomatedResult.ResourceTypeMax);
        b.Property(x => x.ResourceId).HasMaxLength(AutomatedResult.ResourceMax);
        b.Property(x => x.Detail).HasMaxLength(AutomatedResult.DetailMax);
        b.HasOne<AutomatedRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AutomatedResultControlConfig : IEntityTypeConfiguration<AutomatedResultControl>
{
    public void Configure(EntityTypeBuilder<AutomatedResultControl> b)
    {
        b.ToTable("AutomatedResultControls");
        b.HasIndex(x => new { x.RunId, x.ControlId, x.CheckItem });
        b.HasIndex(x => x.ResultId);
        b.Ignore(x => x.CheckItemId);
        b.Property(x => x.ControlId).HasMaxLength(12);
        b.HasOne<AutomatedResult>().WithMany().HasForeignKey(x => x.ResultId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AutomatedSuggestionConfig : IEntityTypeConfiguration<AutomatedSuggestion>
{
    public void Configure(EntityTypeBuilder<AutomatedSuggestion> b)
    {
        b.ToTable("AutomatedSuggestions");
        b.HasIndex(x => new { x.AssessmentId, x.ControlId, x.State });
        b.HasIndex(x => x.RunId);
        b.Property(x => x.ControlId).HasMaxLength(12);
        b.Property(x => x.CheckItemId).HasMaxLength(16);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<AutomatedRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
