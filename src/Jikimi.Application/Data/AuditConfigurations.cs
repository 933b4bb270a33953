using Jikimi.Domain.Audits;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jikimi.Application.Data;

internal sealed class AuditConfig : IEntityTypeConfiguration<Audit>
{
    public void Configure(EntityTypeBuilder<Audit> b)
    {
        b.HasIndex(x => new { x.OrganizationId, x.CertificateId });
        b.Property(x => x.Body).HasMaxLength(200);
        b.Property(x => x.Team).HasMaxLength(2000);
        b.Property(x => x.OtherCertifications).HasMaxLength(2000);
        b.Property(x => x.AppealNote).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditorAssignmentConfig : IEntityTypeConfiguration<AuditorAssignment>
{
    public void Configure(EntityTypeBuilder<AuditorAssignment> b)
    {
        b.HasIndex(x => new { x.AuditId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.UserId });
        b.HasOne<Audit>().WithMany().HasForeignKey(x => x.AuditId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<JikimiUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FindingConfig : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.HasIndex(x => new { x.AuditId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.Status });
        b.Property(x => x.ControlId).HasMaxLength(20);
        b.Property(x => x.CheckItemId).HasMaxLength(30);
        b.Property(x => x.Owner).HasMaxLength(200);
        b.Property(x => x.FurtherCorrectionNote).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Audit>().WithMany().HasForeignKey(x => x.AuditId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CertificateConfig : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.HasIndex(x => new { x.OrganizationId, x.Number }).IsUnique();
        b.Property(x => x.Number).HasMaxLength(100);
        b.Property(x => x.Certification).HasMaxLength(10);
        b.Property(x => x.Edition).HasMaxLength(40);
        b.Property(x => x.Body).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PastCertificateConfig : IEntityTypeConfiguration<Jikimi.Domain.History.PastCertificate>
{
    public void Configure(EntityTypeBuilder<Jikimi.Domain.History.PastCertificate> b)
    {
        b.HasIndex(x => new { x.OrganizationId, x.Scheme, x.Number }).IsUnique();
        b.Property(x => x.Scheme).HasMaxLength(10);
        b.Property(x => x.Number).HasMaxLength(Jikimi.Domain.History.PastCertificate.NumberMax);
        b.Property(x => x.Scope).HasMaxLength(Jikimi.Domain.History.PastCertificate.ScopeMax);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderConfig : IEntityTypeConfiguration<Jikimi.Domain.Reminders.Reminder>
{
    public void Configure(EntityTypeBuilder<Jikimi.Domain.Reminders.Reminder> b)
    {
        // One reminder per (kind, subject, due instant, channel): planning twice, or on two nodes, cannot duplicate it.
        b.HasIndex(x => new { x.Kind, x.SubjectId, x.DueAt, x.Channel }).IsUnique();
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => new { x.OrganizationId, x.Channel, x.SentAt });
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.SubjectType).HasMaxLength(20);
        b.Property(x => x.Channel).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Body).HasMaxLength(4000);
        b.Property(x => x.LastError).HasMaxLength(500);
        b.Property(x => x.ClaimToken).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
