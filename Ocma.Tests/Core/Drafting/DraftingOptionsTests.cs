using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocma.Core.Drafting;

namespace Ocma.Tests.Core.Drafting;

public sealed class DraftingOptionsTests
{
    private static DraftingOptions Resolve(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOcmaDrafting(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DraftingOptions>>().Value;
    }

    private sealed class StaticOptions(DraftingOptions value) : IOptionsMonitor<DraftingOptions>
    {
        public DraftingOptions CurrentValue => value;

        public DraftingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<DraftingOptions, string?> listener) => null;
    }

    [Fact]
    public void Bind_NoSettings_BuiltInDefault() => Assert.Equal(DraftingProviderKind.BuiltIn, Resolve([]).Provider);

    [Fact]
    public void Bind_OpenAIWithBadBaseUrl_FailsNamingTheSetting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Drafting:Provider"] = "OpenAICompatible", ["Drafting:OpenAI:BaseUrl"] = "api.openai.com" }));

        Assert.Contains("Drafting:OpenAI:BaseUrl must be an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_NegativePrice_FailsNamingTheModel()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Drafting:Prices:0:Model"] = "gpt-x", ["Drafting:Prices:0:InputPerMillion"] = "-1" }));

        Assert.Contains("Drafting:Prices:0 (gpt-x) must not be negative.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_PriceTable_ReadsDecimalsPerModel()
    {
        var options = Resolve(new()
        {
            ["Drafting:Prices:0:Model"] = "gpt-4o-mini", ["Drafting:Prices:0:InputPerMillion"] = "0.15", ["Drafting:Prices:0:OutputPerMillion"] = "0.60",
            ["Drafting:Prices:1:Model"] = "llama3:8b",
        });
        var prices = new PriceTable(new StaticOptions(options));

        Assert.Equal(0.75m, prices.Cost("GPT-4o-mini", 1_000_000, 1_000_000));
        Assert.Equal(0m, prices.Cost("llama3:8b", 5_000, 5_000));
        Assert.True(prices.IsPriced("llama3:8b"));
        Assert.False(prices.IsPriced("gpt-5"));
    }

    [Fact]
    public async Task BuiltInDrafter_AnyTask_LabelledAsRulesWithNoTokens()
    {
        var drafter = new BuiltInDrafter();

        var result = await drafter.CompleteAsync(PromptBuilder.Build(new DraftTask(DraftTaskKind.FixGrammar, "hello  world", BrandVoice.Default(1)), 100), CancellationToken.None);

        Assert.Equal(("built-in", "rules-v1", true), (drafter.Name, drafter.Model, drafter.IsBuiltIn));
        Assert.Equal(("Hello world", 0, 0), (result.Text, result.TokensIn, result.TokensOut));
    }
}
