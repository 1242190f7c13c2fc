namespace Ocma.Core.Drafting;

/// <summary>What each failure means to a content team, in words. Provider messages are never echoed for auth failures (they can quote part of the key).</summary>
public static class DraftingMessages
{
    public static DraftingFailure NotConfigured(string provider, string secretName) => new(DraftingFailureKind.NotConfigured,
        $"No {provider} key is set: an Admin should add it under Admin → Secrets ({secretName}), or switch drafting to the built-in drafter.");

    public static readonly DraftingFailure NotAllowed = new(DraftingFailureKind.NotAllowed,
        "Your role cannot draft posts. Ask an Admin for the Contributor or Editor role.");

    public static DraftingFailure Auth(string provider, string? code) => new(DraftingFailureKind.Auth,
        $"The {provider} key was refused: an Admin should replace it under Admin → Secrets.", code);

    public static DraftingFailure RateLimited(string provider, TimeSpan? retryAfter, string? code) => new(DraftingFailureKind.RateLimited,
        $"{provider} is receiving too many requests. {WhenToRetry(retryAfter)}", code, retryAfter);

    public static DraftingFailure Quota(string provider, string? code) => new(DraftingFailureKind.QuotaExceeded,
        $"The {provider} account has run out of credit: an Admin should check its plan and billing. The built-in drafter still works.", code);

    public static DraftingFailure ContentFiltered(string provider, string? code) => new(DraftingFailureKind.ContentFiltered,
        $"{provider}'s safety filter declined this request. Rephrase the brief, or write this one by hand.", code);

    public static DraftingFailure Timeout(string provider, TimeSpan timeout) => new(DraftingFailureKind.Timeout,
        $"{provider} did not answer within {Seconds(timeout)}. Try again, or use the built-in drafter.");

    public static DraftingFailure BadResponse(string provider, string detail, string? code = null) => new(DraftingFailureKind.BadResponse,
        $"{provider} sent an answer Ocma could not use ({detail}). Try again; if it keeps happening, an Admin should check the model name and base URL.", code);

    public static DraftingFailure Unavailable(string provider, string? code) => new(DraftingFailureKind.Unavailable,
        $"{provider} is unavailable or overloaded right now. Try again in a few minutes, or use the built-in drafter.", code);

    public static DraftingFailure Unreachable(string provider) => new(DraftingFailureKind.Unavailable,
        $"{provider} could not be reached. An Admin should check the base URL and the network; the built-in drafter still works.");

    private static string WhenToRetry(TimeSpan? retryAfter) => retryAfter is { } wait
        ? $"Try again in {Seconds(TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds))))}."
        : "Try again in a minute.";

    private static string Seconds(TimeSpan span) => span.TotalSeconds == 1
        ? "1 second"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} seconds");
}
