namespace Ocma.Core.Drafting;

/// <summary>One call to a drafting provider: who, for which brand, what it cost and how it ended. Append-only.</summary>
public sealed class AiUsage
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public required string UserId { get; set; }

    public required string UserName { get; set; }

    public int BrandId { get; set; }

    public required string Provider { get; set; }

    public required string Model { get; set; }

    public int TokensIn { get; set; }

    public int TokensOut { get; set; }

    /// <summary>From the configured price table at the time of the call; 0 for the built-in drafter and unpriced models.</summary>
    public decimal Cost { get; set; }

    public int LatencyMs { get; set; }

    /// <summary>Null when the call succeeded.</summary>
    public DraftingFailureKind? Failure { get; set; }
}
