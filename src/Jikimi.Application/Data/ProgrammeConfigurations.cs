using Jikimi.Domain.Organizations;
using Jikimi.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jikimi.Application.Data;

internal sealed class PolicyConfig : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> b)
    {
        b.ToTable("Policies");
        b.HasIndex(x => new { x.OrganizationId, x.Code }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.ReviewDueOn });
        b.Property(x => x.Code).HasMaxLength(Policy.CodeMax);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Owner).HasMaxLength(200);
        b.Property(x => x.Controls).HasMaxLength(500);
        b.Ignore(x => x.ControlIds);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PolicyVersionConfig : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> b)
    {
        b.ToTable("PolicyVersions");
        b.HasIndex(x => new { x.PolicyId, x.Number }).IsUnique();
        b.Property(x => x.ChangeNote).HasMaxLength(2000);
        b.Property(x => x.ApprovedByName).HasMaxLength(200);
        b.HasOne<Policy>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PolicyAcknowledgementConfig : IEntityTypeConfiguration<PolicyAcknowledgement>
{
    public void Configure(EntityTypeBuilder<PolicyAcknowledgement> b)
    {
        b.ToTable("PolicyAcknowledgements");

        // One acknowledgement per member and version: a double click is a 409, not a second row.
        b.HasIndex(x => new { x.PolicyVersionId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.UserId });
        b.HasOne<PolicyVersion>().WithMany().HasForeignKey(x => x.PolicyVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubjectRequestConfig : IEntityTypeConfiguration<SubjectRequest>
{
    public void Configure(EntityTypeBuilder<SubjectRequest> b)
    {
        b.ToTable("SubjectRequests");
        b.HasIndex(x => new { x.OrganizationId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.DueOn });
        b.Property(x => x.Channel).HasMaxLength(100);
        b.Property(x => x.Reference).HasMaxLength(100);
        b.Property(x => x.Summary).HasMaxLength(1000);
        b.Property(x => x.RuleSetId).HasMaxLength(20);
        b.Property(x => x.BasisKo).HasMaxLength(300);
        b.Property(x => x.BasisEn).HasMaxLength(300);
        b.Property(x => x.Response).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingConfig : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("Meetings");
        b.HasIndex(x => new { x.OrganizationId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.HeldOn });
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Agenda).HasMaxLength(Meeting.TextMax);
        b.Property(x => x.Attendees).HasMaxLength(2000);
        b.Property(x => x.Decisions).HasMaxLength(Meeting.TextMax);
        b.Property(x => x.Minutes).HasMaxLength(Meeting.TextMax);
        b.Ignore(x => x.AttendeeList);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingActionConfig : IEntityTypeConfiguration<MeetingAction>
{
    public void Configure(EntityTypeBuilder<MeetingAction> b)
    {
        b.ToTable("MeetingActions");
        b.HasIndex(x => new { x.OrganizationId, x.DueOn });
        b.HasIndex(x => x.MeetingId);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.Property(x => x.Owner).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
