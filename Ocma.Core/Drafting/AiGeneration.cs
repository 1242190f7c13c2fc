namespace Ocma.Core.Drafting;

/// <summary>A generated text with the exact prompt that produced it, kept for audit. Append-only.</summary>
public sealed class AiGeneration
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public required string UserId { get; set; }

    public int BrandId { get; set; }

    /// <summary>The post it was generated for, when there is one yet.</summary>
    public int? PostId { get; set; }

    /// <summary>What was asked, e.g. "FromBrief", "Tone", "FitChannel".</summary>
    public DraftTaskKind Kind { get; set; }

    public required string Provider { get; set; }

    public required string Model { get; set; }

    /// <summary>The system and user prompt exactly as sent.</summary>
    public required string Prompt { get; set; }

    public required string Output { get; set; }

    public int TokensIn { get; set; }

    public int TokensOut { get; set; }

    public decimal Cost { get; set; }

    public long? AiUsageId { get; set; }
}
