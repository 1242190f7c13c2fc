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
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Drafting:Prices:gpt-x:InputPerMillion"] = "-1" }));

        Assert.Contains("Drafting:Prices:gpt-x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_PriceTable_ReadsDecimalsPerModel()
    {
        var options = Resolve(new() { ["Drafting:Prices:gpt-4o-mini:InputPerMillion"] = "0.15", ["Drafting:Prices:gpt-4o-mini:OutputPerMillion"] = "0.60" });

        Assert.Equal((0.15m, 0.60m), (options.Prices["GPT-4o-mini"].InputPerMillion, options.Prices["gpt-4o-mini"].OutputPerMillion));
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
