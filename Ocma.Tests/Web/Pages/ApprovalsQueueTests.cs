using Bunit;
using Ocma.Core.Approvals;
using Ocma.Core.Audit;
using Ocma.Core.Identity;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Ocma.Web.Features.Approvals;

namespace Ocma.Tests.Web.Pages;

/// <summary>The review queue clicked through by an Editor, with bUnit against the real app (approvals on).</summary>
public sealed class ApprovalsQueueTests : AppComponentTest
{
    private Actor _editor = default!;
    private Actor _writer = default!;
    private int _channelId;

    public override async Task InitializeAsync()
    {
        var admin = await TestUsers.CreateAdminAsync(App);
        _editor = await TestUsers.CreateAsync(App, admin, "editor@example.com", Roles.Editor);
        _writer = await TestUsers.CreateAsync(App, admin, "writer@example.com", Roles.Contributor);
        _channelId = (await SandboxChannels.ConnectAsync(App, admin)).Id;
        Assert.True((await App.Get<ApprovalPolicyService>().SetAsync(1, true, admin, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Reject_NeedsAComment_SaidNextToTheField_ThenSendsThePostBackAsADraft()
    {
        var postId = await SubmitAsync("Wrong product name");
        SignInAs(_editor);
        var cut = RenderInLayout<ApprovalsPage>();
        var card = cut.WaitForElement($".review-card[data-post='{postId}']");

        card.QuerySelector(".reject-button")!.Click();
        cut.WaitForAssertion(() => Assert.Contains("comment", cut.Find(".review-card .reject-comment").TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(TargetState.InReview, await StateAsync(postId));

        cut.Find(".review-card textarea").Input("Say Ocma, not Ocmo.");
        cut.Find(".review-card .reject-button").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".review-queue-empty")));
        Assert.Contains($"Rejected: post {postId} went back to writer@example.com as a draft with your comment.", Messages());
        Assert.Equal(TargetState.Draft, await StateAsync(postId));
    }

    [Fact]
    public async Task Approve_SchedulesThePostForItsTime_AndTakesItOffTheQueue()
    {
        var postId = await SubmitAsync("Launch day teaser");
        SignInAs(_editor);
        var cut = RenderInLayout<ApprovalsPage>();

        cut.WaitForElement($".review-card[data-post='{postId}'] .approve-button").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".review-queue-empty")));
        Assert.Contains(Messages(), m => m.StartsWith("Approved: scheduled for", StringComparison.Ordinal));
        Assert.Equal(TargetState.Scheduled, await StateAsync(postId));
    }

    private async Task<int> SubmitAsync(string text)
    {
        var due = App.Get<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(1);
        var post = await App.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, text, [_channelId], ComposeMode.Schedule, due), _writer, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        return post.Value.Id;
    }

    private async Task<TargetState> StateAsync(int postId) => (await App.Get<PostQueries>().AllAsync(1, CancellationToken.None)).Single(t => t.PostId == postId).State;
}
