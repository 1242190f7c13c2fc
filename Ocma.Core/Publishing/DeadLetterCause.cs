using Ocma.Core.Connectors;

namespace Ocma.Core.Publishing;

/// <summary>Why posts did not go out, as a person groups them: each cause asks for a different decision.</summary>
public enum DeadLetterCause
{
    AccessRevoked,
    OutcomeUnknown,
    ContentRefused,
    SetUpProblem,
    GaveUp,
    Other,
}

/// <summary>The cause of a failure kind, and how the console names and explains it.</summary>
public static class DeadLetterCauses
{
    public static DeadLetterCause Of(FailureKind? kind) => kind switch
    {
        FailureKind.AuthRevoked => DeadLetterCause.AccessRevoked,
        FailureKind.OutcomeUnknown => DeadLetterCause.OutcomeUnknown,
        FailureKind.Rejected => DeadLetterCause.ContentRefused,
        FailureKind.Misconfigured => DeadLetterCause.SetUpProblem,
        FailureKind.Transient or FailureKind.RateLimited or FailureKind.Unavailable or FailureKind.AuthExpired => DeadLetterCause.GaveUp,
        _ => DeadLetterCause.Other,
    };

    public static string Title(DeadLetterCause cause) => cause switch
    {
        DeadLetterCause.AccessRevoked => "Access revoked — reconnect",
        DeadLetterCause.OutcomeUnknown => "Outcome unknown — check the platform",
        DeadLetterCause.ContentRefused => "Content refused",
        DeadLetterCause.SetUpProblem => "Set-up problem — check the platform settings",
        DeadLetterCause.GaveUp => "Gave up after retries",
        _ => "Other — see the reason",
    };

    public static string Advice(DeadLetterCause cause) => cause switch
    {
        DeadLetterCause.AccessRevoked => "The channel's access was withdrawn. Reconnect it and these posts go out on their own.",
        DeadLetterCause.OutcomeUnknown => "The platform never confirmed whether these went out. Look for them on the channel: mark them published if they are there, retry only if they are not.",
        DeadLetterCause.ContentRefused => "The platform refused the content. Change the post, or retry if the platform has changed its mind.",
        DeadLetterCause.SetUpProblem => "Ocma or the platform app is set up wrongly (credentials, permissions, API version). Fix the settings, then retry.",
        DeadLetterCause.GaveUp => "The platform kept failing until Ocma stopped trying. Retry once it works again.",
        _ => "Read the reason on each post before deciding.",
    };
}
