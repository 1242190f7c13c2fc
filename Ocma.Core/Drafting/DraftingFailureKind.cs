namespace Ocma.Core.Drafting;

/// <summary>Why an AI call did not produce a draft. Decides whether it may be retried and what the user is told.</summary>
public enum DraftingFailureKind
{
    /// <summary>No key (or provider) is set up.</summary>
    NotConfigured,
    /// <summary>The provider refused the key (401/403).</summary>
    Auth,
    /// <summary>Too many requests (429); the provider may say when to try again.</summary>
    RateLimited,
    /// <summary>The account has no credit left (OpenAI <c>insufficient_quota</c>).</summary>
    QuotaExceeded,
    /// <summary>The provider's safety filter refused the request or the answer.</summary>
    ContentFiltered,
    /// <summary>No answer within the configured timeout.</summary>
    Timeout,
    /// <summary>The answer was not the JSON we expected.</summary>
    BadResponse,
    /// <summary>The provider is down or overloaded (5xx, Anthropic 529), or could not be reached.</summary>
    Unavailable,
    /// <summary>The brand's monthly AI budget is spent.</summary>
    BudgetExhausted,
    /// <summary>The person's role may not draft (Viewers).</summary>
    NotAllowed,
    /// <summary>The person stopped a streamed draft while it was being written (recorded for its cost; never shown as an error).</summary>
    Stopped,
}
