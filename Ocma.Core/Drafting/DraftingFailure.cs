namespace Ocma.Core.Drafting;

/// <summary>An expected failure of an AI call, in words a content team can act on. Never contains a key.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">What happened and what to do, in words.</param>
/// <param name="ProviderCode">The provider's own error type or code, when it sent one.</param>
/// <param name="RetryAfter">How long the provider asked us to wait, when it said.</param>
public sealed record DraftingFailure(DraftingFailureKind Kind, string Message, string? ProviderCode = null, TimeSpan? RetryAfter = null);
