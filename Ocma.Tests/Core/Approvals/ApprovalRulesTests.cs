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
    [InlineData(TargetState.Scheduled)]
    [InlineData(TargetState.Approved)]
    [InlineData(TargetState.InReview)]
    public void StateAfterEdit_ContributorEditsApprovedOrWaitingContent_SendsItBackToReview(TargetState current) =>
        Assert.Equal(TargetState.InReview, ApprovalRules.StateAfterEdit(current, true, Contributor));

    [Fact]
    public void StateAfterEdit_DraftStaysDraft_AndEditorsOrBrandsWithoutApprovalsKeepTheState()
    {
        Assert.Equal(TargetState.Draft, ApprovalRules.StateAfterEdit(TargetState.Draft, true, Contributor));
        Assert.Equal(TargetState.Scheduled, ApprovalRules.StateAfterEdit(TargetState.Scheduled, true, Editor));
        Assert.Equal(TargetState.Scheduled, ApprovalRules.StateAfterEdit(TargetState.Scheduled, false, Contributor));
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
