namespace Ocma.Core.Drafting;

/// <summary>What one provider call returned: text and token counts, or a classified failure.</summary>
public sealed record Completion(string Text, int TokensIn, int TokensOut, DraftingFailure? Failure)
{
    public bool Succeeded => Failure is null;

    public static Completion Success(string text, int tokensIn, int tokensOut) => new(text, tokensIn, tokensOut, null);

    public static Completion Fail(DraftingFailure failure) => new("", 0, 0, failure);

    public static Completion Fail(DraftingFailureKind kind, string message, string? providerCode = null, TimeSpan? retryAfter = null) =>
        Fail(new DraftingFailure(kind, message, providerCode, retryAfter));
}
