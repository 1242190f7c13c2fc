using System.Globalization;
using Ocma.Core.Audit;
using Ocma.Core.Calendar;
using Ocma.Core.Posts;

namespace Ocma.Core.Approvals;

/// <summary>
/// The approval policy as pure rules, so the composer, the edit path, the queue and the pages all decide alike.
/// Approving a post moves its targets from InReview straight to Scheduled (the review history records the approval),
/// so the dispatcher, which only ever claims Scheduled and Retrying targets, never sends content that was not approved.
/// </summary>
public static class ApprovalRules
{
    /// <summary>Whether what <paramref name="actor"/> writes must be approved before it goes out. Editors and Admins publish directly.</summary>
    public static bool NeedsReview(bool approvalsRequired, Actor actor) => approvalsRequired && !actor.CanPublish;

    /// <summary>
    /// The state (and due time) a newly composed post's targets start in. A Contributor's "publish now" in a brand with
    /// approvals waits in review without a time: it goes out as soon as it is approved.
    /// </summary>
    public static InitialPlan PlanSubmission(ComposeMode mode, bool approvalsRequired, Actor actor, DateTime? dueUtc) => mode switch
    {
        ComposeMode.SaveDraft => new(TargetState.Draft, dueUtc),
        _ when NeedsReview(approvalsRequired, actor) => new(TargetState.InReview, mode == ComposeMode.PublishNow ? null : dueUtc),
        _ => new(TargetState.Scheduled, dueUtc),
    };

    /// <summary>A post still waiting for approval when its due time passed: it did not go out and will not until re-timed and approved.</summary>
    public static bool MissedItsTime(TargetState state, DateTime? dueUtc, DateTime nowUtc) =>
        state == TargetState.InReview && dueUtc is DateTime due && due <= nowUtc;

    /// <summary>The words every screen uses for a missed review, e.g. "Missed its time: not approved before 09:00 Tue 24 Nov".</summary>
    public static string MissedItsTimeText(DateTime dueUtc, string zoneId) =>
        "Missed its time: not approved before " + ZoneClock.ToWallClock(dueUtc, zoneId).ToString("HH:mm ddd d MMM", CultureInfo.InvariantCulture);

    /// <summary>Why <paramref name="actor"/> may not decide about a post written by <paramref name="authorId"/>, or null when they may.</summary>
    public static string? DecisionRefusal(Actor actor, string authorId) =>
        actor.UserId == authorId && !actor.CanPublish ? "You wrote this post, so someone else must review it: ask an Editor or Admin."
        : !actor.CanPublish ? "Only Editors and Admins approve or reject posts."
        : null;
}

/// <summary>Where a newly composed post's targets start.</summary>
public sealed record InitialPlan(TargetState State, DateTime? DueUtc);
