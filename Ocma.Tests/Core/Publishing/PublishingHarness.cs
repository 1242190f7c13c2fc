using Microsoft.EntityFrameworkCore;
using Ocma.Core;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Core.Sandbox;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Publishing;

/// <summary>The app with an admin and a connected Sandbox channel, and shortcuts to compose and observe.</summary>
internal sealed class PublishingHarness : IAsyncDisposable
{
    private PublishingHarness(OcmaAppFactory app, Actor admin, ChannelSummary channel)
    {
        App = app;
        Admin = admin;
        Channel = channel;
    }

    public OcmaAppFactory App { get; }

    public Actor Admin { get; }

    public ChannelSummary Channel { get; }

    public static async Task<PublishingHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new OcmaAppFactory(settings: settings ?? new Dictionary<string, string?> { ["Publishing:FirstRetryDelay"] = "00:00:01" });
        var admin = await TestUsers.CreateAdminAsync(app);
        var channel = await SandboxChannels.ConnectAsync(app, admin);
        return new PublishingHarness(app, admin, channel);
    }

    public async Task<Result<Post>> ComposeAsync(string text, ComposeMode mode = ComposeMode.PublishNow, DateTime? localDue = null, IReadOnlyList<int>? channelIds = null)
    {
        var brand = await App.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        return await App.Get<ComposeService>().SubmitAsync(new ComposeRequest(brand.Id, text, channelIds ?? [Channel.Id], mode, localDue), Admin, CancellationToken.None);
    }

    public async Task<TargetView> WaitForTargetAsync(int postId, Func<TargetState, bool> settled, int seconds = 20) =>
        await Eventually.MatchesAsync(() => TargetOfAsync(postId), t => settled(t.State), TimeSpan.FromSeconds(seconds), $"post {postId} to settle");

    public async Task<TargetView> TargetOfAsync(int postId)
    {
        await using var db = await App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var id = await db.PostTargets.Where(t => t.PostId == postId).Select(t => t.Id).SingleAsync();
        return (await App.Get<PostQueries>().FindAsync(id, CancellationToken.None))!;
    }

    public async Task<int> FeedCountAsync(string text) =>
        (await App.Get<SandboxPlatform>().FeedAsync(1000, CancellationToken.None)).Count(p => p.Text == text);

    public Task FailNextAsync(SandboxFailureMode mode, int count = 1) =>
        App.Get<SandboxPlatform>().SetSwitchAsync(mode, count, CancellationToken.None);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
