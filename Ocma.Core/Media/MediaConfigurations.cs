using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ocma.Core.Brands;

namespace Ocma.Core.Media;

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> b)
    {
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.FileName).HasMaxLength(MediaUploadService.MaxFileNameLength);
        b.Property(x => x.ContentType).HasMaxLength(64);
        b.Property(x => x.AltText).HasMaxLength(MediaLibraryService.MaxAltTextLength);
        b.Property(x => x.UploadedById).HasMaxLength(450);
        b.Property(x => x.UploadedByName).HasMaxLength(256);
        b.HasIndex(x => new { x.BrandId, x.Sha256 }).IsUnique();
        b.HasIndex(x => x.Sha256);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostMediaConfiguration : IEntityTypeConfiguration<PostMedia>
{
    public void Configure(EntityTypeBuilder<PostMedia> b)
    {
        b.HasKey(x => new { x.PostId, x.MediaAssetId });
        b.HasOne(x => x.Post).WithMany(p => p.Media).HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        // Restrict: the database itself refuses to delete an image a post still uses.
        b.HasOne(x => x.Asset).WithMany().HasForeignKey(x => x.MediaAssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.MediaAssetId);
    }
}
