using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ocma.Core.Brands;
using Ocma.Core.Posts;

namespace Ocma.Core.Drafting;

internal sealed class BrandVoiceConfiguration : IEntityTypeConfiguration<BrandVoice>
{
    public void Configure(EntityTypeBuilder<BrandVoice> b)
    {
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.MonthlyBudget).HasPrecision(18, 6);
        b.HasIndex(x => x.BrandId).IsUnique();
        b.HasOne<Brand>().WithOne().HasForeignKey<BrandVoice>(x => x.BrandId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AiUsageConfiguration : IEntityTypeConfiguration<AiUsage>
{
    public void Configure(EntityTypeBuilder<AiUsage> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Provider).HasMaxLength(32);
        b.Property(x => x.Model).HasMaxLength(128);
        b.Property(x => x.Cost).HasPrecision(18, 6);
        b.HasIndex(x => new { x.BrandId, x.AtUtc });
        b.HasIndex(x => x.AtUtc);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AiGenerationConfiguration : IEntityTypeConfiguration<AiGeneration>
{
    public void Configure(EntityTypeBuilder<AiGeneration> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Provider).HasMaxLength(32);
        b.Property(x => x.Model).HasMaxLength(128);
        b.Property(x => x.Cost).HasPrecision(18, 6);
        b.HasIndex(x => new { x.BrandId, x.AtUtc });
        b.HasIndex(x => x.PostId);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Post>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AiUsage>().WithMany().HasForeignKey(x => x.AiUsageId).OnDelete(DeleteBehavior.Restrict);
    }
}
