using Microsoft.Extensions.Options;

namespace Ocma.Core.Drafting;

/// <summary>The provider the configuration chose, and the built-in drafter that is always there.</summary>
public sealed class DraftingProviders(
    IOptionsMonitor<DraftingOptions> options, BuiltInDrafter builtIn, OpenAICompatibleProvider openAI, AnthropicProvider anthropic)
{
    public BuiltInDrafter BuiltIn => builtIn;

    public IDraftingProvider Configured => options.CurrentValue.Provider switch
    {
        DraftingProviderKind.OpenAICompatible => openAI,
        DraftingProviderKind.Anthropic => anthropic,
        _ => builtIn,
    };

    public IDraftingProvider For(DraftContext context) => context.BuiltInOnly ? builtIn : Configured;
}
