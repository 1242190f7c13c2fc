using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Channels;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Core.Secrets;

namespace Ocma.Core.Data;

internal sealed class BrandConfiguration : IEntityTypeConfiguration<Brand>
{
    public void Configure(EntityTypeBuilder<Brand> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.TimeZoneId).HasMaxLength(64);
    }
}

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> b)
    {
        b.Property(x => x.PlatformKey).HasMaxLength(32);
        b.Property(x => x.AccountId).HasMaxLength(200);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Handle).HasMaxLength(200);
        b.Property(x => x.StatusReason).HasMaxLength(1000);
        b.Property(x => x.ConnectedByUserId).HasMaxLength(450);
        b.HasIndex(x => new { x.BrandId, x.PlatformKey, x.AccountId }).IsUnique();
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.Property(x => x.AuthorId).HasMaxLength(450);
        b.Property(x => x.AuthorName).HasMaxLength(256);
        b.Property(x => x.Notes).HasMaxLength(ComposeService.MaxNotesLength);
        b.Property(x => x.Campaign).HasMaxLength(ComposeService.MaxCampaignLength);
        b.HasOne<Brand>().WithMany().HasForeignKey(x => x.BrandId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Targets).WithOne(x => x.Post).HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CreatedUtc);
    }
}

internal sealed class PostTargetConfiguration : IEntityTypeConfiguration<PostTarget>
{
    public void Configure(EntityTypeBuilder<PostTarget> b)
    {
        b.Property(x => x.PlannedTimeZoneId).HasMaxLength(64);
        b.Property(x => x.IdempotencyKey).HasMaxLength(64);
        b.Property(x => x.PlatformPostId).HasMaxLength(200);
        b.Property(x => x.PlatformUrl).HasMaxLength(2048);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasOne(x => x.Channel).WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.IdempotencyKey).IsUnique();
        b.HasIndex(x => new { x.State, x.DueUtc });
        b.HasIndex(x => new { x.State, x.NextAttemptUtc });
        b.HasIndex(x => x.ClaimId);
        b.HasIndex(x => new { x.PostId, x.ChannelId }).IsUnique();
    }
}

internal sealed class PublishAttemptConfiguration : IEntityTypeConfiguration<PublishAttempt>
{
    public void Configure(EntityTypeBuilder<PublishAttempt> b)
    {
        b.Property(x => x.RequestFingerprint).HasMaxLength(64);
        b.Property(x => x.PlatformCode).HasMaxLength(100);
        b.Property(x => x.Message).HasMaxLength(2000);
        b.HasOne<PostTarget>().WithMany().HasForeignKey(x => x.TargetId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TargetId, x.Number }).IsUnique();
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Actor).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.Subject).HasMaxLength(256);
        b.Property(x => x.Details).HasMaxLength(4000);
        b.HasIndex(x => x.AtUtc);
    }
}

internal sealed class AppSecretConfiguration : IEntityTypeConfiguration<AppSecret>
{
    public void Configure(EntityTypeBuilder<AppSecret> b)
    {
        b.Property(x => x.Name).HasMaxLength(128);
        b.Property(x => x.Hint).HasMaxLength(8);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class ChannelHealthConfiguration : IEntityTypeConfiguration<ChannelHealth>
{
    public void Configure(EntityTypeBuilder<ChannelHealth> b)
    {
        b.ToTable("ChannelHealth");
        b.HasKey(x => x.ChannelId);
        b.Property(x => x.ChannelId).ValueGeneratedNever();
        b.Property(x => x.Problem).HasMaxLength(2000);
        b.Property(x => x.MissingScopes).HasMaxLength(1000);
        b.HasOne<Channel>().WithOne().HasForeignKey<ChannelHealth>(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
