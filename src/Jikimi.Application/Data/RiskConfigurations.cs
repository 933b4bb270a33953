using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jikimi.Application.Data;

internal sealed class AssetConfig : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> b)
    {
        // Paging walks (OrganizationId, Code); filters use the type index.
        b.HasIndex(x => new { x.OrganizationId, x.Code }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.Type });
        b.Property(x => x.Code).HasMaxLength(Asset.CodeMax);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Administrator).HasMaxLength(200);
        b.Property(x => x.Location).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ThreatConfig : IEntityTypeConfiguration<Threat>
{
    public void Configure(EntityTypeBuilder<Threat> b)
    {
        b.HasIndex(x => new { x.OrganizationId, x.Code }).IsUnique();
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.Category).HasMaxLength(60);
        b.Property(x => x.NameKo).HasMaxLength(300);
        b.Property(x => x.NameEn).HasMaxLength(300);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RiskAssessmentConfig : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> b)
    {
        b.HasIndex(x => new { x.OrganizationId, x.Year }).IsUnique();
        b.Ignore(x => x.Method);
        b.Ignore(x => x.DoaApproved);
        b.Property(x => x.GradeThresholds).HasMaxLength(40);
        b.Property(x => x.DoaApprovedByName).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessedRiskConfig : IEntityTypeConfiguration<AssessedRisk>
{
    public void Configure(EntityTypeBuilder<AssessedRisk> b)
    {
        b.ToTable("Risks");
        b.HasIndex(x => new { x.RiskAssessmentId, x.Score });
        b.HasIndex(x => new { x.OrganizationId, x.DueDate });
        b.HasIndex(x => x.AssetId);
        b.Ignore(x => x.Accepted);
        b.Ignore(x => x.Status);
        b.Property(x => x.Vulnerability).HasMaxLength(1000);
        b.Property(x => x.CheckItemId).HasMaxLength(16);
        b.Property(x => x.ControlId).HasMaxLength(12);
        b.Property(x => x.Plan).HasMaxLength(4000);
        b.Property(x => x.LinkedControls).HasMaxLength(500);
        b.Property(x => x.AcceptedByName).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<RiskAssessment>().WithMany().HasForeignKey(x => x.RiskAssessmentId).OnDelete(DeleteBehavior.Cascade);

        // An asset or threat in use by a risk cannot disappear from under it (history stays explainable).
        b.HasOne<Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Threat>().WithMany().HasForeignKey(x => x.ThreatId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonalInfoFlowConfig : IEntityTypeConfiguration<PersonalInfoFlow>
{
    public void Configure(EntityTypeBuilder<PersonalInfoFlow> b)
    {
        b.ToTable("PersonalInfoFlows");
        b.HasIndex(x => new { x.OrganizationId, x.Service, x.Stage });
        b.Property(x => x.Service).HasMaxLength(200);
        b.Property(x => x.Items).HasMaxLength(2000);
        b.Property(x => x.LegalBasis).HasMaxLength(2000);
        b.Property(x => x.Systems).HasMaxLength(2000);
        b.Property(x => x.Recipients).HasMaxLength(2000);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
