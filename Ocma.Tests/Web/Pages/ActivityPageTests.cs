using Bunit;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Approvals;
using Ocma.Core.Audit;
using Ocma.Core.Data;
using Ocma.Core.Identity;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Ocma.Web.Features.Activity;

namespace Ocma.Tests.Web.Pages;

/// <summary>Activity, rendered with bUnit against the real app: a page of rows from the database, searched there.</summary>
public sealed class ActivityPageTests : AppComponentTest
{
    private Actor _admin = default!;
    private int _channelId;

    public override async Task InitializeAsync()
    {
        _admin = await TestUsers.CreateAdminAsync(App);
        _channelId = (await SandboxChannels.ConnectAsync(App, _admin)).Id;
    }

    [Fact]
    public async Task Render_ListsThePostsRows_AndSearchNarrowsThemInTheDatabase()
    {
        await SubmitAsync("Spring sale starts Friday", _admin, ComposeMode.SaveDraft);
        await SubmitAsync("Winter opening hours", _admin, ComposeMode.SaveDraft);
        SignInAs(_admin);

        var cut = Render<ActivityPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".post-link").Count));
        cut.Find("#activity-search").Input("spring");
        cut.WaitForAssertion(() => Assert.Equal(["Spring sale starts Friday"], cut.FindAll(".post-link").Select(a => a.TextContent.Trim())), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Render_ForTheAuthor_SaysWhereEachPostStandsInReview_WaitingMissedOrRejectedWithTheComment()
    {
        Assert.True((await App.Get<ApprovalPolicyService>().SetAsync(1, true, _admin, CancellationToken.None)).Succeeded);
        var writer = await TestUsers.CreateAsync(App, _admin, "writer@example.com", Roles.Contributor);
        var editor = await TestUsers.CreateAsync(App, _admin, "editor@example.com", Roles.Editor);
        await SubmitAsync("Waits for an editor", writer, ComposeMode.Schedule);
        var late = await SubmitAsync("Nobody approved this in time", writer, ComposeMode.Schedule);
        var rejected = await SubmitAsync("Wrong product name", writer, ComposeMode.Schedule);
        Assert.True((await App.Get<ApprovalService>().RejectAsync(rejected, "Say Ocma, not Ocmo.", editor, CancellationToken.None)).Succeeded);
        await using (var db = await App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync())
        {
            // Its due time passed while it waited.
            await db.PostTargets.Where(t => t.PostId == late).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueUtc, App.Get<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(-1)));
        }

        SignInAs(writer);
        var cut = Render<ActivityPage>();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll(".post-link").Count));
        var notes = cut.FindAll("tr").Where(r => r.QuerySelector(".post-link") is not null)
            .ToDictionary(r => r.QuerySelector(".post-link")!.TextContent.Trim(), r => r.QuerySelector(".review-note")?.TextContent.Trim());
        Assert.Equal("Waiting for an Editor's approval.", notes["Waits for an editor"]);
        Assert.StartsWith("Missed its time: not approved before", notes["Nobody approved this in time"], StringComparison.Ordinal);
        Assert.Equal("Rejected by editor@example.com: Say Ocma, not Ocmo.", notes["Wrong product name"]);
    }

    private async Task<int> SubmitAsync(string text, Actor author, ComposeMode mode)
    {
        var due = mode == ComposeMode.Schedule ? App.Get<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(1) : (DateTime?)null;
        var post = await App.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, text, [_channelId], mode, due), author, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        return post.Value.Id;
    }
}
