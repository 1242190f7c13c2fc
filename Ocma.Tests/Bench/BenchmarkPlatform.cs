using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Tests.Fakes.Mastodon;
using Ocma.Tests.Support;

namespace Ocma.Tests.Bench;

/// <summary>N Mastodon servers (one account each) answering with a fixed latency, connected to the console as N channels.</summary>
internal sealed class BenchmarkPlatform : IAsyncDisposable
{
    private BenchmarkPlatform(IReadOnlyList<MastodonFake> servers, IReadOnlyList<ChannelSummary> channels)
    {
        Servers = servers;
        Channels = channels;
    }

    public IReadOnlyList<MastodonFake> Servers { get; }

    public IReadOnlyList<ChannelSummary> Channels { get; }

    public static async Task<BenchmarkPlatform> StartAsync(OcmaAppFactory app, Actor admin, int accounts, TimeSpan latency)
    {
        var servers = new List<MastodonFake>();
        var channels = new List<ChannelSummary>();
        for (var i = 0; i < accounts; i++)
        {
            var server = await MastodonFake.StartAsync();
            server.RateLimit = int.MaxValue;
            server.StatusLatency = latency;
            server.HonourIdempotencyKey = false; // a resend would be a second status: the journal shows every duplicate
            servers.Add(server);
            channels.Add(await MastodonChannels.ConnectAsync(app, admin, server));
        }

        Assert.Equal(accounts, channels.Select(c => c.Id).Distinct().Count());
        return new BenchmarkPlatform(servers, channels);
    }

    /// <summary>Posts to every channel, scheduled an hour ahead; returns the number of targets.</summary>
    public async Task<int> ScheduleAsync(OcmaAppFactory app, Actor admin, int posts, string prefix)
    {
        var compose = app.Get<ComposeService>();
        var channelIds = Channels.Select(c => c.Id).ToList();
        var later = DateTime.UtcNow.AddHours(1);
        for (var i = 0; i < posts; i++)
        {
            var post = await compose.SubmitAsync(new ComposeRequest(1, $"{prefix} #{i:00000}", channelIds, ComposeMode.Schedule, later), admin, CancellationToken.None);
            Assert.True(post.Succeeded, post.Error);
        }

        return posts * channelIds.Count;
    }

    /// <summary>Duplicates, lost and misreported, counted per target from what the servers stored.</summary>
    public async Task<DeliveryCounts> AuditAsync(OcmaAppFactory app)
    {
        await using var db = await app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var targets = await db.PostTargets.AsNoTracking()
            .Select(t => new ReportedTarget(t.IdempotencyKey, t.State, t.PlatformPostId, t.LastError)).ToListAsync();
        return DeliveryAudit.Count(Servers.SelectMany(s => s.Statuses).Select(x => new StoredPost(x.IdempotencyKey!, x.Id)), targets);
    }

    public static async Task<int> CountAsync(OcmaAppFactory app, TargetState state)
    {
        await using var db = await app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PostTargets.CountAsync(t => t.State == state);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in Servers)
        {
            await server.DisposeAsync();
        }
    }
}
