using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ocma.Core;
using Ocma.Core.Approvals;
using Ocma.Core.Audit;
using Ocma.Core.Data;
using Ocma.Core.Identity;
using Ocma.Core.Posts;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Approvals;

/// <summary>The app on a controllable clock with an Admin, an Editor, two Contributors and a Sandbox channel; approvals on.</summary>
internal sealed class ApprovalHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = TestClock.At(2026, 11, 24, 8, 0, 0);

    public FakeTimeProvider Clock { get; } = new(Start);

    public OcmaAppFactory App { get; private set; } = default!;

    public Actor Admin { get; private set; } = default!;

    public Actor Editor { get; private set; } = default!;

    public Actor SecondEditor { get; private set; } = default!;

    public Actor Contributor { get; private set; } = default!;

    public int ChannelId { get; private set; }

    public ApprovalService Approvals => App.Get<ApprovalService>();

    public static async Task<ApprovalHarness> StartAsync(bool approvalsRequired = true)
    {
        var harness = new ApprovalHarness();
        harness.App = new OcmaAppFactory(configureServices: s => s.AddSingleton<TimeProvider>(harness.Clock));
        harness.Admin = await TestUsers.CreateAdminAsync(harness.App);
        harness.Editor = await TestUsers.CreateAsync(harness.App, harness.Admin, "editor@example.com", Roles.Editor);
        harness.SecondEditor = await TestUsers.CreateAsync(harness.App, harness.Admin, "editor2@example.com", Roles.Editor);
        harness.Contributor = await TestUsers.CreateAsync(harness.App, harness.Admin, "writer@example.com", Roles.Contributor);
        harness.ChannelId = (await SandboxChannels.ConnectAsync(harness.App, harness.Admin)).Id;
        var set = await harness.App.Get<ApprovalPolicyService>().SetAsync(1, approvalsRequired, harness.Admin, CancellationToken.None);
        Assert.True(set.Succeeded, set.Error);
        return harness;
    }

    /// <summary>Composes as <paramref name="actor"/>; a scheduled post is due at <paramref name="localDue"/> (UTC brand zone).</summary>
    public async Task<Post> ComposeAsync(Actor actor, string text, ComposeMode mode = ComposeMode.Schedule, DateTime? localDue = null)
    {
        var due = mode == ComposeMode.Schedule ? localDue ?? Start.UtcDateTime.AddHours(1) : (DateTime?)null;
        var post = await App.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, text, [ChannelId], mode, due), actor, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        return post.Value;
    }

    public async Task<PostTarget> TargetAsync(int postId)
    {
        await using var db = await App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PostTargets.AsNoTracking().SingleAsync(t => t.PostId == postId);
    }

    /// <summary>Every audit entry as "action by actor", oldest first.</summary>
    public async Task<IReadOnlyList<string>> AuditAsync()
    {
        await using var db = await App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Action + " by " + e.Actor).ToListAsync();
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
