namespace Ocma.Core.Drafting;

/// <summary>What a prompt asks for, in structured form: hosted models read the rendered text, the built-in drafter reads this.</summary>
/// <param name="Kind">The use case.</param>
/// <param name="Source">The brief (for <see cref="DraftTaskKind.FromBrief"/>) or the text to rewrite.</param>
/// <param name="Voice">The brand's voice.</param>
/// <param name="Tone">Target tone, for <see cref="DraftTaskKind.Tone"/> (and as a hint otherwise).</param>
/// <param name="MaxLength">The channel's limit, when writing for one.</param>
/// <param name="Variation">Which alternative (0, 1, 2…), so alternatives differ.</param>
/// <param name="Count">How the channel counts length, when writing for one (graphemes otherwise).</param>
public sealed record DraftTask(DraftTaskKind Kind, string Source, BrandVoice Voice, Tone? Tone = null, int? MaxLength = null, int Variation = 0, Func<string, int>? Count = null);

public enum DraftTaskKind
{
    FromBrief,
    Shorter,
    Longer,
    Tone,
    FixGrammar,
    FitChannel,
    Hashtags,
}

/// <summary>The tones a team can switch between.</summary>
public enum Tone
{
    Friendly,
    Professional,
    Playful,
    Concise,
}
