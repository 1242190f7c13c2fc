using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ocma.Core.Brands;
using Ocma.Core.Identity;

namespace Ocma.Core.Data;

internal sealed class BrandMembershipConfiguration : IEntityTypeConfiguration<BrandMembership>
{
    public void Configure(EntityTypeBuilder<BrandMembership> b)
    {
        b.HasKey(x => new { x.UserId, x.BrandId });
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Role).HasMaxLength(32);
        b.HasIndex(x => x.BrandId);
        b.HasOne<OcmaUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
    }
}
