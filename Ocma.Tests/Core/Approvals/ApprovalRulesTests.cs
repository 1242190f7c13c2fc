using Ocma.Core.Approvals;
using Ocma.Core.Audit;
using Ocma.Core.Identity;
using Ocma.Core.Posts;

namespace Ocma.Tests.Core.Approvals;

public sealed class ApprovalRulesTests
{
    private static readonly Actor Contributor = new("c", "writer", new HashSet<string> { Roles.Contributor });
    private static readonly Actor Editor = new("e", "editor", new HashSet<string> { Roles.Editor });

    [Theory]
    [InlineData(ComposeMode.Schedule)]
    [InlineData(ComposeMode.PublishNow)]
    public void PlanSubmission_ContributorWithApprovals_WaitsInReview_EditorIsScheduled(ComposeMode mode)
    {
        var due = new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(TargetState.InReview, ApprovalRules.PlanSubmission(mode, true, Contributor, due).State);
        Assert.Equal(TargetState.Scheduled, ApprovalRules.PlanSubmission(mode, true, Editor, due).State);
        Assert.Equal(TargetState.Scheduled, ApprovalRules.PlanSubmission(mode, false, Contributor, due).State);
        Assert.Equal(TargetState.Draft, ApprovalRules.PlanSubmission(ComposeMode.SaveDraft, true, Contributor, due).State);
    }

    [Fact]
    public void MissedItsTime_OnlyForPostsStillInReviewPastTheirTime()
    {
        var now = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
        Assert.True(ApprovalRules.MissedItsTime(TargetState.InReview, now, now));
        Assert.False(ApprovalRules.MissedItsTime(TargetState.InReview, now.AddMinutes(1), now));
        Assert.False(ApprovalRules.MissedItsTime(TargetState.InReview, null, now));
        Assert.False(ApprovalRules.MissedItsTime(TargetState.Scheduled, now.AddMinutes(-1), now));
    }
}
