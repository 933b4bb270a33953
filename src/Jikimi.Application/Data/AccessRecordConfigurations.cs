using Jikimi.Domain.AccessRecords;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jikimi.Application.Data;

internal sealed class ProcessingSystemConfig : IEntityTypeConfiguration<ProcessingSystem>
{
    public void Configure(EntityTypeBuilder<ProcessingSystem> b)
    {
        b.ToTable("ProcessingSystems");
        b.HasIndex(x => new { x.OrganizationId, x.Name }).IsUnique();
        b.Property(x => x.Name).HasMaxLength(ProcessingSystem.NameMax);
        b.Property(x => x.Owner).HasMaxLength(ProcessingSystem.NameMax);
        b.Property(x => x.Format).HasMaxLength(40);
        b.Property(x => x.Mapping).HasMaxLength(ProcessingSystem.MappingMax);
        b.Property(x => x.AllowedSources).HasMaxLength(ProcessingSystem.AllowedSourcesMax);
        b.Ignore(x => x.Facts);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessRecordSegmentConfig : IEntityTypeConfiguration<AccessRecordSegment>
{
    public void Configure(EntityTypeBuilder<AccessRecordSegment> b)
    {
        b.ToTable("AccessRecordSegments");
        b.HasIndex(x => new { x.SystemId, x.Sequence }).IsUnique(); // one chain per system: a concurrent ingest loses, never forks it
        b.HasIndex(x => new { x.OrganizationId, x.SystemId, x.Day });
        b.Property(x => x.Path).HasMaxLength(400);
        b.Property(x => x.RawPath).HasMaxLength(400);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.RawSha256).HasMaxLength(64);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.ChainHash).HasMaxLength(64);
        b.Ignore(x => x.Purged);
        b.HasOne<ProcessingSystem>().WithMany().HasForeignKey(x => x.SystemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignedChainHeadConfig : IEntityTypeConfiguration<SignedChainHead>
{
    public void Configure(EntityTypeBuilder<SignedChainHead> b)
    {
        b.ToTable("AccessRecordChainHeads");
        b.HasIndex(x => new { x.SystemId, x.Sequence }).IsUnique();
        b.Property(x => x.ChainHash).HasMaxLength(64);
        b.Property(x => x.KeyId).HasMaxLength(64);
        b.Property(x => x.Signature).HasMaxLength(200);
        b.HasOne<ProcessingSystem>().WithMany().HasForeignKey(x => x.SystemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
