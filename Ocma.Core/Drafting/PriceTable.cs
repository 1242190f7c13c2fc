using Microsoft.Extensions.Options;

namespace Ocma.Core.Drafting;

/// <summary>What a call cost, from the configured per-model prices (per million tokens in and out).</summary>
public sealed class PriceTable(IOptionsMonitor<DraftingOptions> options)
{
    private const decimal Million = 1_000_000m;

    /// <summary>0 for the built-in drafter and for models with no configured price.</summary>
    public decimal Cost(string model, int tokensIn, int tokensOut)
    {
        if (Find(model) is not { } price)
        {
            return 0m;
        }

        return decimal.Round((tokensIn * price.InputPerMillion / Million) + (tokensOut * price.OutputPerMillion / Million), 6);
    }

    public bool IsPriced(string model) => Find(model) is not null;

    private ModelPrice? Find(string model) =>
        options.CurrentValue.Prices.FirstOrDefault(p => string.Equals(p.Model, model, StringComparison.OrdinalIgnoreCase));
}
