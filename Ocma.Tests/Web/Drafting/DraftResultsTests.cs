using Ocma.Core.Connectors;
using Ocma.Core.Drafting;
using Ocma.Tests.Web.Components;
using Ocma.Web.Features.Compose;

namespace Ocma.Tests.Web.Drafting;

public sealed class DraftResultsTests
{
    private static readonly DraftChannel Sandbox = new("sandbox", "Sandbox", c => new ContentValidation(c.Text.Length, 20, c.Text.Length > 20 ? ["Too long for Sandbox."] : []));

    [Fact]
    public async Task Render_WithAGeneratedDraft_ShowsProviderModelTokensAndCost()
    {
        var draft = new Draft("Hello", "openai-compatible", "OpenAI", "gpt-4o-mini", 1234, 56, 0.0042m, ["Trimmed."], ["Add \"#ad\": the brand requires it in every post."], 7);

        var document = await ComponentRenderer.RenderAsync<DraftResults>(new Dictionary<string, object?> { ["Last"] = draft });

        var meta = document.QuerySelector("[data-testid=draft-meta]")!.TextContent;
        Assert.Contains("OpenAI", meta, StringComparison.Ordinal);
        Assert.Contains("model gpt-4o-mini", meta, StringComparison.Ordinal);
        Assert.Contains("1,234 tokens in / 56 out", meta, StringComparison.Ordinal);
        Assert.Contains("cost 0.0042", meta, StringComparison.Ordinal);
        Assert.Contains("the brand requires it", document.QuerySelector(".draft-voice-problem")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WithChannelVariants_ShowsEachCountAgainstTheLimitAndUseForAll()
    {
        var fits = BuiltInDraft("Short and sweet");
        var tooLong = BuiltInDraft("This one is far longer than twenty");
        var variants = new List<ChannelVariant>
        {
            new(Sandbox, fits, Sandbox.Validate(PostContent.TextOnly(fits.Text))),
            new(Sandbox, tooLong, Sandbox.Validate(PostContent.TextOnly(tooLong.Text))),
        };

        var document = await ComponentRenderer.RenderAsync<DraftResults>(new Dictionary<string, object?> { ["Variants"] = variants });

        var cards = document.QuerySelectorAll("[data-testid=draft-variant]");
        Assert.Equal(["15 / 20", "34 / 20"], cards.Select(c => c.QuerySelector(".char-counter")!.TextContent.Trim()));
        Assert.Contains("invalid", cards[1].ClassList);
        Assert.All(cards, c => Assert.Contains("Use for all", c.TextContent, StringComparison.Ordinal));
        Assert.Contains("Built-in drafter (no AI)", cards[0].TextContent, StringComparison.Ordinal);
    }

    private static Draft BuiltInDraft(string text) => new(text, BuiltInDrafter.ProviderName, "Built-in drafter (no AI)", BuiltInDrafter.ModelName, 0, 0, 0m, [], [], 1);
}
