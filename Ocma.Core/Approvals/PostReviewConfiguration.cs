using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ocma.Core.Posts;

namespace Ocma.Core.Approvals;

internal sealed class PostReviewConfiguration : IEntityTypeConfiguration<PostReview>
{
    public const int MaxCommentLength = 2000;

    public void Configure(EntityTypeBuilder<PostReview> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Comment).HasMaxLength(MaxCommentLength);
        b.HasOne(x => x.Post).WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PostId, x.AtUtc });
    }
}
