using Ocma.Core.Approvals;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Core.Sandbox;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Approvals;

public sealed class ApprovalServiceTests : IAsyncLifetime
{
    private ApprovalHarness _h = default!;

    public async Task InitializeAsync() => _h = await ApprovalHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Submit_ContributorWithApprovalsOn_WaitsInReviewWithItsTime_AndIsAudited()
    {
        var due = ApprovalHarness.Start.UtcDateTime.AddHours(2);
        var post = await _h.ComposeAsync(_h.Contributor, "Needs a look", ComposeMode.Schedule, due);

        var target = await _h.TargetAsync(post.Id);
        Assert.Equal(TargetState.InReview, target.State);
        Assert.Equal(due, target.DueUtc);
        Assert.Contains("post.submitted by writer@example.com", await _h.AuditAsync());
        var history = await _h.App.Get<ReviewHistoryQuery>().ForPostAsync(post.Id, CancellationToken.None);
        Assert.Equal([ReviewDecision.Submitted], history.Select(r => r.Decision));
    }

    [Fact]
    public async Task Submit_ContributorPublishNow_WaitsInReviewWithoutATime()
    {
        var post = await _h.ComposeAsync(_h.Contributor, "Right away please", ComposeMode.PublishNow);

        var target = await _h.TargetAsync(post.Id);
        Assert.Equal(TargetState.InReview, target.State);
        Assert.Null(target.DueUtc);
    }

    [Fact]
    public async Task Edit_ByTheContributorAfterApproval_SendsItBackToReview_AnEditorsEditKeepsItScheduled()
    {
        var due = ApprovalHarness.Start.UtcDateTime.AddHours(3);
        var post = await _h.ComposeAsync(_h.Contributor, "Approved words", ComposeMode.Schedule, due);
        Assert.True((await _h.Approvals.ApproveAsync(post.Id, null, _h.Editor, CancellationToken.None)).Succeeded);
        var edits = _h.App.Get<PostEditService>();

        var changed = await EditAsync(edits, post.Id, _h.Contributor, "Approved words, changed after approval", due);
        Assert.True(changed.Succeeded, changed.Error);
        Assert.Equal(TargetState.InReview, (await _h.TargetAsync(post.Id)).State);
        var history = await _h.App.Get<ReviewHistoryQuery>().ForPostAsync(post.Id, CancellationToken.None);
        Assert.Equal([ReviewDecision.Submitted, ReviewDecision.Approved, ReviewDecision.Submitted], history.Select(r => r.Decision));

        Assert.True((await _h.Approvals.ApproveAsync(post.Id, null, _h.Editor, CancellationToken.None)).Succeeded);
        var tidied = await EditAsync(edits, post.Id, _h.Editor, "Approved words, tidied by the editor", due);
        Assert.True(tidied.Succeeded, tidied.Error);
        Assert.Equal(TargetState.Scheduled, (await _h.TargetAsync(post.Id)).State);
    }

    [Fact]
    public async Task Submit_EditorWithApprovalsOn_IsScheduledDirectly()
    {
        var post = await _h.ComposeAsync(_h.Editor, "Editors publish directly");

        Assert.Equal(TargetState.Scheduled, (await _h.TargetAsync(post.Id)).State);
        Assert.Contains("post.scheduled by editor@example.com", await _h.AuditAsync());
    }

    [Fact]
    public async Task Submit_ContributorWithApprovalsOff_IsScheduledDirectly()
    {
        Assert.True((await _h.App.Get<ApprovalPolicyService>().SetAsync(1, false, _h.Admin, CancellationToken.None)).Succeeded);

        var post = await _h.ComposeAsync(_h.Contributor, "No review needed");

        Assert.Equal(TargetState.Scheduled, (await _h.TargetAsync(post.Id)).State);
        Assert.Contains("brand.approvals-off by admin@example.com", await _h.AuditAsync());
    }

    [Fact]
    public async Task SetPolicy_ByAnEditor_IsRefused()
    {
        var set = await _h.App.Get<ApprovalPolicyService>().SetAsync(1, false, _h.Editor, CancellationToken.None);

        Assert.Equal("Only an Admin can turn approvals on or off.", set.Error);
    }

    [Fact]
    public async Task Approve_ByEditor_SchedulesItForItsTime_RecordsWhoAndPublishesWhenDue()
    {
        var due = ApprovalHarness.Start.UtcDateTime.AddHours(1);
        var post = await _h.ComposeAsync(_h.Contributor, "Approved and sent", ComposeMode.Schedule, due);

        var approved = await _h.Approvals.ApproveAsync(post.Id, null, _h.Editor, CancellationToken.None);

        Assert.True(approved.Succeeded, approved.Error);
        var target = await _h.TargetAsync(post.Id);
        Assert.Equal(TargetState.Scheduled, target.State);
        Assert.Equal(due, target.DueUtc);
        var history = await _h.App.Get<ReviewHistoryQuery>().ForPostAsync(post.Id, CancellationToken.None);
        Assert.Equal(["Submitted by writer@example.com", "Approved by editor@example.com"], history.Select(r => $"{r.Decision} by {r.UserName}"));
        Assert.Contains("post.approved by editor@example.com", await _h.AuditAsync());

        _h.Clock.SetUtcNow(due);
        await _h.App.Get<TargetDispatcher>().DispatchDueAsync(CancellationToken.None);
        await Eventually.MatchesAsync(() => _h.TargetAsync(post.Id), t => t.State == TargetState.Published, TimeSpan.FromSeconds(10), "the approved post to publish");
        Assert.Contains(await _h.App.Get<SandboxPlatform>().FeedAsync(10, CancellationToken.None), p => p.Text == "Approved and sent");
    }

    [Fact]
    public async Task Approve_PublishNowSubmission_GoesOutAsSoonAsApproved()
    {
        var post = await _h.ComposeAsync(_h.Contributor, "Now, once approved", ComposeMode.PublishNow);
        _h.Clock.Advance(TimeSpan.FromHours(3));

        var approved = await _h.Approvals.ApproveAsync(post.Id, null, _h.Admin, CancellationToken.None);

        Assert.True(approved.Succeeded, approved.Error);
        var target = await _h.TargetAsync(post.Id);
        Assert.Contains(target.State, new[] { TargetState.Scheduled, TargetState.Publishing, TargetState.Published }); // the dispatcher may already have it
        Assert.Equal(_h.Clock.GetUtcNow().UtcDateTime, target.DueUtc);
    }

    [Fact]
    public async Task Reject_WithoutComment_IsRefusedAndChangesNothing()
    {
        var post = await _h.ComposeAsync(_h.Contributor, "Will be rejected");

        var rejected = await _h.Approvals.RejectAsync(post.Id, "   ", _h.Editor, CancellationToken.None);

        Assert.Equal("Write a comment for the author saying what to change: a rejection needs one.", rejected.Error);
        Assert.Equal(TargetState.InReview, (await _h.TargetAsync(post.Id)).State);
    }

    [Fact]
    public async Task Reject_WithComment_SendsItBackAsDraftWithTheCommentForTheAuthor()
    {
        var post = await _h.ComposeAsync(_h.Contributor, "Has a typo");

        var rejected = await _h.Approvals.RejectAsync(post.Id, "Fix the product name, please.", _h.Editor, CancellationToken.None);

        Assert.True(rejected.Succeeded, rejected.Error);
        Assert.Equal(TargetState.Draft, (await _h.TargetAsync(post.Id)).State);
        var latest = (await _h.App.Get<ReviewHistoryQuery>().LatestAsync([post.Id], CancellationToken.None))[post.Id];
        Assert.Equal((ReviewDecision.Rejected, "Fix the product name, please.", "editor@example.com"), (latest.Decision, latest.Comment, latest.UserName));
        Assert.Contains("post.rejected by editor@example.com", await _h.AuditAsync());
    }

    [Fact]
    public async Task Approve_ByTheContributorWhoWroteIt_IsRefused()
    {
        var post = await _h.ComposeAsync(_h.Contributor, "My own post");

        var approved = await _h.Approvals.ApproveAsync(post.Id, null, _h.Contributor, CancellationToken.None);

        Assert.Equal("You wrote this post, so someone else must review it: ask an Editor or Admin.", approved.Error);
        Assert.Equal(TargetState.InReview, (await _h.TargetAsync(post.Id)).State);
    }

    [Fact]
    public async Task Dispatcher_PostStillInReviewAtItsTime_DoesNotPublishAndShowsItMissedItsTime()
    {
        var due = ApprovalHarness.Start.UtcDateTime.AddHours(1);
        var post = await _h.ComposeAsync(_h.Contributor, "Nobody looked in time", ComposeMode.Schedule, due);

        _h.Clock.SetUtcNow(due.AddMinutes(5));
        await _h.App.Get<TargetDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.Equal(TargetState.InReview, (await _h.TargetAsync(post.Id)).State);
        Assert.DoesNotContain(await _h.App.Get<SandboxPlatform>().FeedAsync(10, CancellationToken.None), p => p.Text == "Nobody looked in time");
        var item = Assert.Single(await _h.App.Get<ReviewQueueQuery>().ListAsync(1, CancellationToken.None));
        Assert.True(item.MissedItsTime);
        Assert.Equal("Missed its time: not approved before 09:00 Tue 24 Nov", ApprovalRules.MissedItsTimeText(item.DueUtc!.Value, "Etc/UTC"));
    }

    [Fact]
    public async Task Approve_AfterItsTimePassed_AsksForANewTimeAndRefusesOneInThePast()
    {
        var due = ApprovalHarness.Start.UtcDateTime.AddHours(1);
        var post = await _h.ComposeAsync(_h.Contributor, "Late review", ComposeMode.Schedule, due);
        _h.Clock.SetUtcNow(due.AddMinutes(30));

        var withoutTime = await _h.Approvals.ApproveAsync(post.Id, null, _h.Editor, CancellationToken.None);
        var inThePast = await _h.Approvals.ApproveAsync(post.Id, due.AddMinutes(10), _h.Editor, CancellationToken.None);
        var later = due.AddHours(2);
        var retimed = await _h.Approvals.ApproveAsync(post.Id, later, _h.Editor, CancellationToken.None);

        Assert.StartsWith("Missed its time: not approved before 09:00 Tue 24 Nov. Pick a new time", withoutTime.Error, StringComparison.Ordinal);
        Assert.Equal($"{TestClock.Year(2026)}-11-24 09:10 (Etc/UTC) is in the past. Pick a later time to approve it for.", inThePast.Error);
        Assert.True(retimed.Succeeded, retimed.Error);
        var target = await _h.TargetAsync(post.Id);
        Assert.Equal((TargetState.Scheduled, later), (target.State, target.DueUtc!.Value));
    }

    [Fact]
    public async Task Decide_TwoEditorsAtOnce_OneWinsAndTheOtherIsTold()
    {
        var post = await _h.ComposeAsync(_h.Contributor, "Two reviewers");

        var results = await Task.WhenAll(
            _h.Approvals.ApproveAsync(post.Id, null, _h.Editor, CancellationToken.None),
            _h.Approvals.RejectAsync(post.Id, "Not this week.", _h.SecondEditor, CancellationToken.None));

        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Matches("^editor2?@example.com already (approved|rejected) this post at", loser.Error);
        var history = await _h.App.Get<ReviewHistoryQuery>().ForPostAsync(post.Id, CancellationToken.None);
        Assert.Equal(2, history.Count);
        var state = (await _h.TargetAsync(post.Id)).State;
        Assert.Equal(history[1].Decision == ReviewDecision.Approved ? TargetState.Scheduled : TargetState.Draft, state);
    }

    private async Task<Ocma.Core.Result<Post>> EditAsync(PostEditService edits, int postId, Ocma.Core.Audit.Actor actor, string text, DateTime due)
    {
        var loaded = await edits.LoadAsync(postId, 1, CancellationToken.None);
        var request = new ComposeRequest(1, text, [_h.ChannelId], ComposeMode.Schedule, due);
        return await edits.SaveAsync(postId, loaded!.Version, request, actor, CancellationToken.None);
    }
}
