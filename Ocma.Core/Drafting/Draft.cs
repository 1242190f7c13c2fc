namespace Ocma.Core.Drafting;

/// <summary>One generated text and where it came from.</summary>
/// <param name="Text">The text to show in the editor.</param>
/// <param name="Provider">Stable provider name ("built-in", "openai-compatible", "anthropic").</param>
/// <param name="ProviderDisplayName">Label to show next to the text, e.g. "Built-in drafter (no AI)".</param>
/// <param name="Model">The model, or "rules-v1" for the built-in drafter.</param>
/// <param name="TokensIn">Tokens sent (0 for built-in).</param>
/// <param name="TokensOut">Tokens received (0 for built-in).</param>
/// <param name="Cost">What the call(s) cost, from the price table.</param>
/// <param name="Notes">Things to tell the person, e.g. that the built-in rewriter trimmed a model's text.</param>
/// <param name="VoiceProblems">What breaks the brand's voice rules, in words; empty when none.</param>
/// <param name="GenerationId">The audit record of this generation.</param>
public sealed record Draft(
    string Text,
    string Provider,
    string ProviderDisplayName,
    string Model,
    int TokensIn,
    int TokensOut,
    decimal Cost,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> VoiceProblems,
    long GenerationId)
{
    public bool IsBuiltIn => Provider == BuiltInDrafter.ProviderName;
}

/// <summary>A channel the variants are written for: its name and its validation (from its connector).</summary>
public sealed record DraftChannel(string Key, string Name, Func<Connectors.PostContent, Connectors.ContentValidation> Validate)
{
    public static DraftChannel From(Connectors.ISocialConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return new(connector.Descriptor.Key, connector.Descriptor.DisplayName, connector.Validate);
    }

    internal int Count(string text) => Validate(Connectors.PostContent.TextOnly(text)).Length;

    internal int Limit => Validate(Connectors.PostContent.TextOnly("")).MaxLength;
}

/// <summary>The variant for one channel and how it fares against the channel's rules.</summary>
public sealed record ChannelVariant(DraftChannel Channel, Draft Draft, Connectors.ContentValidation Validation);

/// <summary>Who is drafting (their roles decide whether they may), for which brand (and post), and whether they asked for the built-in drafter.</summary>
public sealed record DraftContext(Audit.Actor Actor, int BrandId, int? PostId = null, bool BuiltInOnly = false)
{
    internal string UserId => Actor.UserId ?? "";

    internal string UserName => Actor.Name;
}

/// <summary>A provider as people see it.</summary>
public sealed record DraftingProviderInfo(string Name, string DisplayName, string Model, bool IsBuiltIn)
{
    public static DraftingProviderInfo Of(IDraftingProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new(provider.Name, provider.DisplayName, provider.Model, provider.IsBuiltIn);
    }
}

/// <summary>The rewrites the composer offers.</summary>
public enum RewriteKind
{
    Shorter,
    Longer,
    Tone,
    FixGrammar,
}
