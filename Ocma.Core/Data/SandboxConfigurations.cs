using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ocma.Core.Sandbox;

namespace Ocma.Core.Data;

internal sealed class SandboxAccountConfiguration : IEntityTypeConfiguration<SandboxAccount>
{
    public void Configure(EntityTypeBuilder<SandboxAccount> b)
    {
        b.Property(x => x.Handle).HasMaxLength(64);
        b.Property(x => x.DisplayName).HasMaxLength(100);
        b.HasIndex(x => x.Handle).IsUnique();
    }
}

internal sealed class SandboxPostConfiguration : IEntityTypeConfiguration<SandboxPost>
{
    public void Configure(EntityTypeBuilder<SandboxPost> b)
    {
        b.Property(x => x.IdempotencyKey).HasMaxLength(64);
        b.HasOne(x => x.Account).WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AccountId, x.IdempotencyKey }); // not unique: the no-idempotency mode stores every publish
        b.HasIndex(x => x.CreatedUtc);
    }
}

internal sealed class SandboxCredentialConfiguration : IEntityTypeConfiguration<SandboxCredential>
{
    public void Configure(EntityTypeBuilder<SandboxCredential> b)
    {
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.RedirectUri).HasMaxLength(2048);
        b.Property(x => x.CodeChallenge).HasMaxLength(128);
        b.HasOne<SandboxAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Hash).IsUnique();
    }
}

internal sealed class SandboxImageConfiguration : IEntityTypeConfiguration<SandboxImage>
{
    public void Configure(EntityTypeBuilder<SandboxImage> b)
    {
        b.Property(x => x.ContentType).HasMaxLength(64);
        b.Property(x => x.AltText).HasMaxLength(1500);
        b.HasOne<SandboxPost>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PostId, x.Position }).IsUnique();
    }
}
