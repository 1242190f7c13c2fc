using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Audit;
using Ocma.Core.Approvals;
using Ocma.Core.Brands;
using Ocma.Core.Channels;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Jobs;
using Ocma.Core.Live;
using Ocma.Core.Media;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Core.Sandbox;
using Ocma.Core.Secrets;
using Quartz;

namespace Ocma.Core;

public static class CoreRegistration
{
    /// <summary>The database, Data Protection key ring, scheduler, publishing pipeline and feature services.</summary>
    public static IServiceCollection AddOcmaCore(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = storage.ResolveConnectionString();
        Directory.CreateDirectory(storage.FullDataDirectory);

        AddOptions<StorageOptions>(services, StorageOptions.SectionName);
        AddOptions<PublishingOptions>(services, PublishingOptions.SectionName);
        AddOptions<SandboxOptions>(services, SandboxOptions.SectionName);
        AddOptions<MediaOptions>(services, MediaOptions.SectionName);

#pragma warning disable RS0030 // the composition root chooses the real clock
        services.AddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        services.AddDbContextFactory<OcmaDbContext>((provider, o) => o
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteConnectionInterceptor(storage.BusyTimeoutSeconds), new Storage.StorageFailureInterceptor(provider.GetRequiredService<Storage.StorageStatus>())));
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Ocma")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(storage.FullDataDirectory, "keys")));
        Secrets.KeyRing.KeyRingProtection.Apply(dataProtection, configuration, storage.FullDataDirectory);

        services.AddSingleton<AuditLog>();
        services.AddSingleton<LiveStatus>();
        services.AddSingleton<LiveRowFeed>();
        services.AddSingleton<BrandService>();
        services.AddSingleton<BrandAdminService>();
        services.AddSingleton<Identity.SetupService>();
        services.AddSingleton<Identity.UserService>();
        services.AddSingleton<Identity.InviteService>();
        services.AddSingleton<Identity.ActorResolver>();
        services.AddSingleton<Identity.MembershipService>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<SecretVault>();
        services.AddSingleton<SecretAdminService>();
        services.AddSingleton<AuditQuery>();
        services.AddSingleton<Operations.SystemStatusService>();
        services.AddSingleton<GrantProtector>();
        services.AddSingleton<PlatformAppResolver>();
        services.AddSingleton<OAuthStateCodec>();
        services.AddSingleton<ChannelService>();
        services.AddSingleton<ConnectService>();
        services.AddSingleton<PendingConnections>();
        services.AddSingleton<CredentialsService>();
        services.AddSingleton<ChannelHealthService>();
        services.AddSingleton<ChannelHealthRecorder>();
        services.AddSingleton<GrantRefreshService>();
        services.AddSingleton<ComposeService>();
        services.AddSingleton<PostEditService>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton<ApprovalPolicyService>();
        services.AddSingleton<ReviewQueueQuery>();
        services.AddSingleton<ReviewHistoryQuery>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<MediaPublicLinks>();
        services.AddSingleton<MediaItems>();
        services.AddSingleton<MediaUploadService>();
        services.AddSingleton<MediaLibraryService>();
        services.AddSingleton<Calendar.RescheduleService>();
        services.AddSingleton<Calendar.PostingSlotService>();
        services.AddSingleton<Calendar.QueueService>();
        services.AddSingleton<Calendar.CalendarFeedService>();
        services.AddSingleton<PostQueries>();
        services.AddSingleton<ActivityQuery>();
        services.AddSingleton<Bulk.PostExportService>();
        services.AddSingleton<Bulk.PostImportService>();
        services.AddSingleton<PostTimelineQuery>();
        services.AddSingleton<SandboxAuthServer>();
        services.AddSingleton<SandboxPlatform>();

        services.AddSingleton<PublishQueue>();
        services.AddSingleton<LedgerDurability>();
        services.AddSingleton<DispatchTrigger>();
        services.AddSingleton<TargetDispatcher>();
        services.AddSingleton<Publishing.RetryPolicy>();
        services.AddSingleton<TargetSettler>();
        services.AddSingleton<ChannelPauses>();
        services.AddSingleton<SendSlots>();
        services.AddSingleton<ChannelBudgets>();
        services.AddSingleton<PlatformBreaker>();
        services.AddSingleton<SendGate>();
        services.AddSingleton<TargetPublisher>();
        services.AddSingleton<PublishRecovery>();
        services.AddSingleton<HeldTargetService>();
        services.AddSingleton<DeadLetterService>();
        services.AddHostedService<PublishWorker>();
        services.AddSingleton<Storage.StorageStatus>();
        services.AddSingleton<Storage.StorageProbe>();
        services.AddHostedService<Storage.StorageWatch>();

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "ocma");
            q.UsePersistentStore(store =>
            {
                // The tables come from Ocma's migrations (AddSchedulerTables); Quartz only checks them at start-up.
                store.UseSqlite(connectionString);
                store.UseSystemTextJsonSerializer();
            });
            JobSchedule.Declare(q);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static void AddOptions<T>(IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
