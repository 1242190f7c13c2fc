namespace Ocma.Core.Connectors;

/// <summary>What a platform said is left of an account's rate-limit window: requests remaining, and when the window resets.</summary>
public sealed record RateBudget(int Remaining, DateTime ResetUtc);
