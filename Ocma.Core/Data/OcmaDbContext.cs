using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Approvals;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Channels;
using Ocma.Core.Drafting;
using Ocma.Core.Identity;
using Ocma.Core.Media;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Core.Sandbox;
using Ocma.Core.Secrets;

namespace Ocma.Core.Data;

/// <summary>The one database: Identity, the domain, the practice platform (and Quartz's tables beside them).</summary>
public sealed class OcmaDbContext(DbContextOptions<OcmaDbContext> options) : IdentityDbContext<OcmaUser>(options)
{
    public DbSet<Brand> Brands => Set<Brand>();

    public DbSet<Identity.BrandMembership> BrandMemberships => Set<Identity.BrandMembership>();

    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<ChannelHealth> ChannelHealth => Set<ChannelHealth>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<PostTarget> PostTargets => Set<PostTarget>();

    public DbSet<PublishAttempt> PublishAttempts => Set<PublishAttempt>();

    public DbSet<PostReview> PostReviews => Set<PostReview>();
    public DbSet<Calendar.PostingSlot> PostingSlots => Set<Calendar.PostingSlot>();

    public DbSet<Calendar.CalendarFeed> CalendarFeeds => Set<Calendar.CalendarFeed>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();

    public DbSet<BrandVoice> BrandVoices => Set<BrandVoice>();

    public DbSet<AiUsage> AiUsages => Set<AiUsage>();

    public DbSet<AiGeneration> AiGenerations => Set<AiGeneration>();

    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();

    public DbSet<PostMedia> PostMedia => Set<PostMedia>();

    public DbSet<SandboxImage> SandboxImages => Set<SandboxImage>();

    public DbSet<SandboxAccount> SandboxAccounts => Set<SandboxAccount>();

    public DbSet<SandboxPost> SandboxPosts => Set<SandboxPost>();

    public DbSet<SandboxCredential> SandboxCredentials => Set<SandboxCredential>();

    public DbSet<SandboxSwitch> SandboxSwitches => Set<SandboxSwitch>();

    public DbSet<Storage.StorageCheck> StorageChecks => Set<Storage.StorageCheck>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OcmaDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database reads well and reordering an enum never corrupts data.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
