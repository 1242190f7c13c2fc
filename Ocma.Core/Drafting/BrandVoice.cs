namespace Ocma.Core.Drafting;

/// <summary>How a brand sounds: every prompt carries it and <see cref="VoiceCheck"/> enforces its rules. One row per brand.</summary>
public sealed class BrandVoice
{
    public int Id { get; set; }

    public int BrandId { get; set; }

    /// <summary>In the team's words, e.g. "Warm, plain English, no jargon."</summary>
    public string Description { get; set; } = "";

    /// <summary>Words and phrases the brand never uses (matched as whole words, any case).</summary>
    public List<string> WordsToAvoid { get; set; } = [];

    /// <summary>Text every post must contain, e.g. "#ad" or "Terms apply."</summary>
    public List<string> RequiredDisclosures { get; set; } = [];

    /// <summary>Hashtags the brand uses, with or without the leading #.</summary>
    public List<string> Hashtags { get; set; } = [];

    public EmojiPolicy EmojiPolicy { get; set; } = EmojiPolicy.Sparing;

    /// <summary>This brand's monthly AI budget in the price table's currency; null uses <c>Drafting:DefaultMonthlyBudget</c>.</summary>
    public decimal? MonthlyBudget { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>The voice of a brand nobody has described yet.</summary>
    public static BrandVoice Default(int brandId) => new() { BrandId = brandId };
}

/// <summary>Whether drafts may carry emoji.</summary>
public enum EmojiPolicy
{
    None,
    Sparing,
    Welcome,
}
