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
