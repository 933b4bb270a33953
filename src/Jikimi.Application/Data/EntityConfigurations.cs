using Jikimi.Domain.Access;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.AuditTrail;
using Jikimi.Domain.Evidence;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jikimi.Application.Data;

internal sealed class OrganizationConfig : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b) => b.Property(x => x.Name).HasMaxLength(200);
}

internal sealed class MembershipConfig : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.HasIndex(x => new { x.OrganizationId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<JikimiUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScopeConfig : IEntityTypeConfiguration<CertificationScope>
{
    public void Configure(EntityTypeBuilder<CertificationScope> b)
    {
        b.ToTable("Scopes");
        b.HasIndex(x => x.OrganizationId).IsUnique();
        b.Property(x => x.Edition).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScopeItemConfig : IEntityTypeConfiguration<ScopeItem>
{
    public void Configure(EntityTypeBuilder<ScopeItem> b)
    {
        b.HasIndex(x => new { x.OrganizationId, x.Kind });
        b.Property(x => x.Name).HasMaxLength(300);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentConfig : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.HasIndex(x => new { x.OrganizationId, x.Year, x.Edition }).IsUnique();
        b.Property(x => x.Edition).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(200);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ControlAssessmentConfig : IEntityTypeConfiguration<ControlAssessment>
{
    public void Configure(EntityTypeBuilder<ControlAssessment> b)
    {
        b.HasIndex(x => new { x.AssessmentId, x.ControlId }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.DueDate });
        b.Property(x => x.ControlId).HasMaxLength(12);
        b.Property(x => x.DomainId).HasMaxLength(4);
        b.Property(x => x.SubdomainId).HasMaxLength(8);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckItemAssessmentConfig : IEntityTypeConfiguration<CheckItemAssessment>
{
    public void Configure(EntityTypeBuilder<CheckItemAssessment> b)
    {
        b.HasIndex(x => new { x.ControlAssessmentId, x.CheckItemId }).IsUnique();
        b.HasIndex(x => x.AssessmentId);
        b.Property(x => x.CheckItemId).HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<ControlAssessment>().WithMany().HasForeignKey(x => x.ControlAssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentConfig : IEntityTypeConfiguration<ControlComment>
{
    public void Configure(EntityTypeBuilder<ControlComment> b)
    {
        b.ToTable("Comments");
        b.HasIndex(x => x.ControlAssessmentId);
        b.HasOne<ControlAssessment>().WithMany().HasForeignKey(x => x.ControlAssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceConfig : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> b)
    {
        b.ToTable("Evidence");
        b.HasIndex(x => new { x.OrganizationId, x.ExpiresOn });
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Source).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsDeleted);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceVersionConfig : IEntityTypeConfiguration<EvidenceVersion>
{
    public void Configure(EntityTypeBuilder<EvidenceVersion> b)
    {
        b.HasIndex(x => new { x.EvidenceId, x.Number }).IsUnique();
        b.HasIndex(x => x.Sha256);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(120);
        b.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceLinkConfig : IEntityTypeConfiguration<EvidenceLink>
{
    public void Configure(EntityTypeBuilder<EvidenceLink> b)
    {
        b.HasIndex(x => new { x.EvidenceId, x.ControlAssessmentId, x.CheckItemId }).IsUnique();
        b.HasIndex(x => x.ControlAssessmentId);
        b.Property(x => x.CheckItemId).HasMaxLength(16);
        b.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ControlAssessment>().WithMany().HasForeignKey(x => x.ControlAssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceBlobConfig : IEntityTypeConfiguration<EvidenceBlob>
{
    public void Configure(EntityTypeBuilder<EvidenceBlob> b)
    {
        b.HasKey(x => x.Sha256);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}

internal sealed class AuditEventConfig : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        // Unique per chain: two writers that read the same head cannot both append; the loser retries.
        b.HasIndex(x => new { x.Chain, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.At });
        b.Property(x => x.Chain).HasMaxLength(40);
        b.Property(x => x.Action).HasMaxLength(60);
        b.Property(x => x.EntityType).HasMaxLength(40);
        b.Property(x => x.EntityId).HasMaxLength(80);
        b.Property(x => x.Actor).HasMaxLength(200);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
    }
}

internal sealed class ApiTokenConfig : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.HasIndex(x => x.SecretHash).IsUnique();
        b.HasIndex(x => x.OrganizationId);
        b.Property(x => x.SecretHash).HasMaxLength(64);
        b.Property(x => x.Hint).HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserSessionConfig : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.HasIndex(x => x.SecretHash).IsUnique();
        b.HasIndex(x => x.UserId);
        b.Property(x => x.SecretHash).HasMaxLength(64);
        b.HasOne<JikimiUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfig : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.HasIndex(x => x.SecretHash).IsUnique();
        b.Property(x => x.SecretHash).HasMaxLength(64);
    }
}

internal sealed class UserConfig : IEntityTypeConfiguration<JikimiUser>
{
    public void Configure(EntityTypeBuilder<JikimiUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(100);
        b.Property(x => x.Language).HasMaxLength(5);
    }
}

internal sealed class PasswordHistoryConfig : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> b)
    {
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
        b.Property(x => x.PasswordHash).HasMaxLength(500);
        b.HasOne<JikimiUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
