namespace Ocma.Core.Posts;

/// <summary>The allowed moves between target states; everything else is a bug or a race lost.</summary>
public static class TargetTransitions
{
    private static readonly Dictionary<TargetState, TargetState[]> Allowed = new()
    {
        [TargetState.Draft] = [TargetState.InReview, TargetState.Scheduled, TargetState.Canceled],
        [TargetState.InReview] = [TargetState.Approved, TargetState.Scheduled, TargetState.Draft, TargetState.Canceled],
        [TargetState.Approved] = [TargetState.Scheduled, TargetState.Draft, TargetState.Canceled],
        [TargetState.Scheduled] = [TargetState.Publishing, TargetState.Draft, TargetState.Canceled],
        [TargetState.Publishing] = [TargetState.Published, TargetState.Retrying, TargetState.NeedsAttention, TargetState.Failed],
        [TargetState.Retrying] = [TargetState.Publishing, TargetState.Canceled, TargetState.Draft],
        [TargetState.NeedsAttention] = [TargetState.Scheduled, TargetState.Published, TargetState.Draft, TargetState.Canceled],
        [TargetState.Failed] = [TargetState.Scheduled, TargetState.Draft, TargetState.Canceled],
        [TargetState.Published] = [],
        [TargetState.Canceled] = [TargetState.Draft],
    };

    public static bool CanMove(TargetState from, TargetState to) => Allowed[from].Contains(to);

    /// <summary>States a person can still edit the content of.</summary>
    public static bool IsEditable(TargetState state) =>
        state is TargetState.Draft or TargetState.InReview or TargetState.Approved or TargetState.Scheduled
            or TargetState.Failed or TargetState.NeedsAttention or TargetState.Canceled;

    /// <summary>States where nothing more will happen without a person.</summary>
    public static bool IsSettled(TargetState state) =>
        state is TargetState.Published or TargetState.Failed or TargetState.NeedsAttention or TargetState.Canceled or TargetState.Draft;
}
