using Jikimi.Domain.Cloud;
using Jikimi.Domain.Evidence;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jikimi.Application.Data;

internal sealed class ProviderCertificateConfig : IEntityTypeConfiguration<ProviderCertificate>
{
    public void Configure(EntityTypeBuilder<ProviderCertificate> b)
    {
        // Not ITenantOwned: instance-wide rows have no organization. Every read filters by hand (CloudDirectory).
        b.HasIndex(x => new { x.ProviderKey, x.Kind, x.OrganizationId });
        b.Property(x => x.ProviderKey).HasMaxLength(40);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Number).HasMaxLength(100);
        b.Property(x => x.Issuer).HasMaxLength(200);
        b.Property(x => x.ScopeServices).HasMaxLength(2000);
        b.Property(x => x.ScopeRegions).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CloudUsageConfig : IEntityTypeConfiguration<CloudUsage>
{
    public void Configure(EntityTypeBuilder<CloudUsage> b)
    {
        b.HasIndex(x => new { x.OrganizationId, x.ProviderKey, x.ServiceModel }).IsUnique();
        b.Property(x => x.ProviderKey).HasMaxLength(40);
        b.Property(x => x.ServiceModel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Services).HasMaxLength(1000);
        b.Property(x => x.Regions).HasMaxLength(500);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomProviderConfig : IEntityTypeConfiguration<CustomProvider>
{
    public void Configure(EntityTypeBuilder<CustomProvider> b)
    {
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Key).HasMaxLength(40);
        b.Property(x => x.NameKo).HasMaxLength(200);
        b.Property(x => x.NameEn).HasMaxLength(200);
        b.Property(x => x.Regions).HasMaxLength(500);
    }
}
