using Ocma.Core.Connectors;
using Ocma.Core.Publishing;

namespace Ocma.Web.Features.Posts;

/// <summary>How the attempt ledger reads to a content team.</summary>
public static class AttemptText
{
    public static string Outcome(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.InFlight => "In flight (no answer recorded)",
        AttemptOutcome.Published => "Published",
        AttemptOutcome.Failed => "Failed",
        AttemptOutcome.FoundOnPlatform => "Found already on the platform",
        _ => outcome.ToString(),
    };

    public static string Failure(FailureKind kind) => kind switch
    {
        FailureKind.Transient => "A passing fault; Ocma tries again",
        FailureKind.RateLimited => "The platform asked Ocma to slow down",
        FailureKind.Unavailable => "The platform was down or in maintenance",
        FailureKind.AuthExpired => "The access token had expired",
        FailureKind.AuthRevoked => "Access was revoked: reconnect the channel",
        FailureKind.Rejected => "The platform refused the content: change the post",
        FailureKind.Misconfigured => "Ocma or the platform app is set up wrongly",
        FailureKind.OutcomeUnknown => "No answer came back: Ocma looks the post up before trying again",
        _ => kind.ToString(),
    };

    public static string CssClass(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.Published or AttemptOutcome.FoundOnPlatform => "attempt-ok",
        AttemptOutcome.Failed => "attempt-failed",
        _ => "attempt-open",
    };
}
