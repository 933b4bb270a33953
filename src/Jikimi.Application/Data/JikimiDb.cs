using System.Linq.Expressions;
using Jikimi.Domain.Access;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Audits;
using Jikimi.Domain.AuditTrail;
using Jikimi.Domain.Common;
using Jikimi.Domain.Evidence;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jikimi.Application.Data;

/// <summary>
/// The one DbContext. Every entity that belongs to an organization gets the same query filter on
/// <see cref="TenantId"/>; a context with no tenant set sees no tenant data at all. Cross-tenant reads (sign-in,
/// verification, seeding) say so with IgnoreQueryFilters().
/// </summary>
public sealed class JikimiDb(DbContextOptions<JikimiDb> options)
    : IdentityDbContext<JikimiUser, IdentityRole<Guid>, Guid>(options)
{
    /// <summary>The organization this unit of work acts for; Guid.Empty = none.</summary>
    public Guid TenantId { get; private set; }

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<CertificationScope> Scopes => Set<CertificationScope>();
    public DbSet<ScopeItem> ScopeItems => Set<ScopeItem>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<ControlAssessment> ControlAssessments => Set<ControlAssessment>();
    public DbSet<CheckItemAssessment> CheckItemAssessments => Set<CheckItemAssessment>();
    public DbSet<ControlComment> Comments => Set<ControlComment>();
    public DbSet<EvidenceItem> Evidence => Set<EvidenceItem>();
    public DbSet<EvidenceVersion> EvidenceVersions => Set<EvidenceVersion>();
    public DbSet<EvidenceLink> EvidenceLinks => Set<EvidenceLink>();
    public DbSet<EvidenceBlob> EvidenceBlobs => Set<EvidenceBlob>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();
    public DbSet<Audit> Audits => Set<Audit>();
    public DbSet<AuditorAssignment> AuditorAssignments => Set<AuditorAssignment>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<Jikimi.Domain.History.PastCertificate> PastCertificates => Set<Jikimi.Domain.History.PastCertificate>();
    public DbSet<Jikimi.Domain.Reminders.Reminder> Reminders => Set<Jikimi.Domain.Reminders.Reminder>();
    public DbSet<Jikimi.Domain.Automation.AutomatedRun> AutomatedRuns => Set<Jikimi.Domain.Automation.AutomatedRun>();
    public DbSet<Jikimi.Domain.Automation.AutomatedResult> AutomatedResults => Set<Jikimi.Domain.Automation.AutomatedResult>();
    public DbSet<Jikimi.Domain.Automation.AutomatedResultControl> AutomatedResultControls => Set<Jikimi.Domain.Automation.AutomatedResultControl>();
    public DbSet<Jikimi.Domain.Automation.AutomatedSuggestion> AutomatedSuggestions => Set<Jikimi.Domain.Automation.AutomatedSuggestion>();
    public DbSet<Jikimi.Domain.Cloud.ProviderCertificate> ProviderCertificates => Set<Jikimi.Domain.Cloud.ProviderCertificate>();
    public DbSet<Jikimi.Domain.Cloud.CloudUsage> CloudUsages => Set<Jikimi.Domain.Cloud.CloudUsage>();
    public DbSet<Jikimi.Domain.Cloud.CustomProvider> CustomProviders => Set<Jikimi.Domain.Cloud.CustomProvider>();

    /// <summary>Sets the organization for this unit of work (once per request, after membership is checked).</summary>
    public void UseTenant(Guid organizationId) => TenantId = organizationId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as UTC; SQLite hands back Unspecified, so mark it again on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JikimiDb).Assembly);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).HasQueryFilter(TenantFilter(type.ClrType));
        }

        // Audit events of an organization are tenant data too; system events (no organization) need IgnoreQueryFilters.
        builder.Entity<AuditEvent>().HasQueryFilter(e => e.OrganizationId == TenantId);

        // Provider certificates are instance-wide (no organization) or one organization's own override (ADR 0047):
        // a unit of work sees the instance rows and its own tenant's, never another's. Reminder planning, which spans
        // organizations, says so with IgnoreQueryFilters().
        builder.Entity<Jikimi.Domain.Cloud.ProviderCertificate>().HasQueryFilter(c => c.OrganizationId == null || c.OrganizationId == TenantId);
    }

    private LambdaExpression TenantFilter(Type entity)
    {
        var e = Expression.Parameter(entity, "e");
        var body = Expression.Equal(
            Expression.Property(e, nameof(ITenantOwned.OrganizationId)),
            Expression.Property(Expression.Constant(this), nameof(TenantId)));
        return Expression.Lambda(body, e);
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
