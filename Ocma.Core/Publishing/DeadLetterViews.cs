using Ocma.Core.Connectors;
using Ocma.Core.Posts;

namespace Ocma.Core.Publishing;

/// <summary>A target as the person saw it when deciding; a decision only acts if it is still exactly so.</summary>
public sealed record SeenTarget(int TargetId, TargetState State, DateTime StateChangedUtc);

/// <summary>One post-to-channel delivery that did not go out (Failed or NeedsAttention).</summary>
public sealed record DeadLetter(
    int TargetId,
    int PostId,
    string Text,
    int ChannelId,
    string ChannelLabel,
    string PlatformKey,
    bool ChannelNeedsReconnect,
    TargetState State,
    FailureKind? Kind,
    string? Reason,
    DateTime? LastAttemptUtc,
    DateTime StateChangedUtc)
{
    public SeenTarget Seen => new(TargetId, State, StateChangedUtc);
}

/// <summary>The dead letters that share a cause.</summary>
public sealed record DeadLetterGroup(DeadLetterCause Cause, IReadOnlyList<DeadLetter> Targets)
{
    public string Title => DeadLetterCauses.Title(Cause);

    public string Advice => DeadLetterCauses.Advice(Cause);

    public int Count => Targets.Count;
}

/// <summary>How many selected targets a decision moved, and how many had changed meanwhile and were left alone.</summary>
public sealed record DeadLetterDecision(int Acted, int LeftAlone)
{
    public string Describe(string verb) => LeftAlone == 0
        ? $"{verb} {Acted} post(s)."
        : $"{verb} {Acted} post(s); {LeftAlone} had already changed (someone else acted, or it published) and were left alone.";
}
