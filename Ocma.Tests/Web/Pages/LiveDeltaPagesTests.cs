using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Audit;
using Ocma.Core.Data;
using Ocma.Core.Live;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Ocma.Web.Features.Activity;
using Ocma.Web.Features.Dashboard;

namespace Ocma.Tests.Web.Pages;

/// <summary>
/// Open pages take status changes as deltas: however many tabs are open, a batch of changes is read once, and each page
/// shows the change without reading its list again.
/// </summary>
public sealed class LiveDeltaPagesTests : AppComponentTest
{
    private const int Tabs = 8;
    private readonly DbCommandCounter _commands = new();
    private Actor _admin = default!;
    private int _channelId;

    public override async Task InitializeAsync()
    {
        _admin = await TestUsers.CreateAdminAsync(App);
        _channelId = (await SandboxChannels.ConnectAsync(App, _admin)).Id;
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<OcmaDbContext>(o => o.AddInterceptors(_commands));

    [Fact]
    public async Task ManyOpenActivityPagesAndDashboards_ReadAChangeOnceForAll_AndEachShowsIt()
    {
        var targetId = await ScheduleAsync("Spring sale starts Friday");
        await ScheduleAsync("Winter opening hours");
        SignInAs(_admin);
        var activities = Enumerable.Range(0, Tabs).Select(_ => Render<ActivityPage>()).ToList();
        var dashboards = Enumerable.Range(0, Tabs).Select(_ => Render<DashboardPage>()).ToList();
        foreach (var page in activities)
        {
            page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".post-link").Count));
        }

        await FailAsync(targetId, "The platform refused the post: text too long.");
        _commands.Reset();
        await App.Get<LiveStatus>().PublishAsync(new TargetStateChanged(0, targetId, _channelId, TargetState.Failed, "text too long", null));

        foreach (var page in activities)
        {
            page.WaitForAssertion(() => Assert.Single(page.FindAll(".state-badge[data-state=Failed]")), TimeSpan.FromSeconds(5));
        }

        foreach (var page in dashboards)
        {
            page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=count-danger]").TextContent.Trim()), TimeSpan.FromSeconds(5));
        }

        await Task.Delay(LiveRowFeed.Interval * 2); // nothing more arrives late
        // One read of the changed rows and one shared count for all sixteen pages (a re-query per tab would be dozens).
        Assert.True(_commands.Count == 2, $"{_commands.Count} commands: {string.Join(" | ", _commands.Commands)}");
        Assert.Equal(1, App.Get<LiveRowFeed>().BatchesRead);
    }

    [Fact]
    public async Task AChangeOutsideTheRowsInView_IsOfferedAsNew_AndShowBringsItIn()
    {
        await ScheduleAsync("Spring sale starts Friday");
        SignInAs(_admin);
        var cut = Render<ActivityPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".post-link")));

        await ScheduleAsync("Winter opening hours"); // its new target is announced live

        cut.WaitForAssertion(() => Assert.Equal("1 new change — show", cut.Find(".live-new").TextContent.Trim()), TimeSpan.FromSeconds(5));
        Assert.Single(cut.FindAll(".post-link")); // not read again until asked
        cut.Find(".live-new").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".post-link").Count), TimeSpan.FromSeconds(5));
        Assert.Empty(cut.FindAll(".live-new"));
    }

    private async Task<int> ScheduleAsync(string text)
    {
        var due = App.Get<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(1);
        var post = await App.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, text, [_channelId], ComposeMode.Schedule, due), _admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        await using var db = await App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PostTargets.Where(t => t.PostId == post.Value.Id).Select(t => t.Id).SingleAsync();
    }

    private async Task FailAsync(int targetId, string reason)
    {
        await using var db = await App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        await db.PostTargets.Where(t => t.Id == targetId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TargetState.Failed).SetProperty(t => t.LastError, reason));
    }
}
