using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jikimi.Application.Operations;

/// <summary>Who runs a background job now, until when (ADR 0035). One row per job; no tenant.</summary>
public sealed class JobLease
{
    public string Name { get; set; } = string.Empty;
    public string Holder { get; set; } = string.Empty;
    public DateTime ExpiresAt { get; set; }

    /// <summary>Concurrency token: of two nodes taking the same lease, one save wins.</summary>
    public Guid Token { get; set; }
}

/// <summary>An ASP.NET data-protection key shared by every node; the XML is encrypted with the operator's key (ADR 0035).</summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = string.Empty;
    public string Xml { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
}

internal sealed class JobLeaseConfig : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Holder).HasMaxLength(200);
        b.Property(x => x.Token).IsConcurrencyToken();
    }
}

internal sealed class DataProtectionKeyRecordConfig : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> b)
    {
        b.ToTable("DataProtectionKeys");
        b.HasKey(x => x.Id);
        b.Property(x => x.FriendlyName).HasMaxLength(200);
        b.HasIndex(x => x.FriendlyName).IsUnique();
    }
}
