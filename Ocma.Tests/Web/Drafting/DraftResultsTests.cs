using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Ocma.Core.Connectors;
using Ocma.Core.Drafting;
using Ocma.Tests.Support;
using Ocma.Web.Features.Compose;

namespace Ocma.Tests.Web.Drafting;

public sealed class DraftResultsTests : ComponentTest
{
    private static readonly DraftChannel Sandbox = new("sandbox", "Sandbox", c => new ContentValidation(c.Text.Length, 20, c.Text.Length > 20 ? ["Too long for Sandbox."] : []));

    [Fact]
    public void Render_WithAGeneratedDraft_ShowsProviderModelTokensAndCost()
    {
        var draft = new Draft("Hello", "openai-compatible", "OpenAI", "gpt-4o-mini", 1234, 56, 0.0042m, ["Trimmed."], ["Add \"#ad\": the brand requires it in every post."], 7);

        var cut = Render<DraftResults>(p => p.Add(c => c.Last, draft));

        var meta = cut.Find("[data-testid=draft-meta]").TextContent;
        Assert.Contains("OpenAI", meta, StringComparison.Ordinal);
        Assert.Contains("model gpt-4o-mini", meta, StringComparison.Ordinal);
        Assert.Contains("1,234 tokens in / 56 out", meta, StringComparison.Ordinal);
        Assert.Contains("cost 0.0042", meta, StringComparison.Ordinal);
        Assert.Contains("the brand requires it", cut.Find(".draft-voice-problem").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WithChannelVariants_ShowsEachCountAgainstTheLimit_AndTheButtonsHandBackTheChosenText()
    {
        var fits = BuiltInDraft("Short and sweet");
        var tooLong = BuiltInDraft("This one is far longer than twenty");
        var variants = new List<ChannelVariant>
        {
            new(Sandbox, fits, Sandbox.Validate(PostContent.TextOnly(fits.Text))),
            new(Sandbox, tooLong, Sandbox.Validate(PostContent.TextOnly(tooLong.Text))),
        };
        Draft? usedForAll = null;
        ChannelVariant? usedForChannel = null;

        var cut = Render<DraftResults>(p => p.Add(c => c.Variants, variants)
            .Add(c => c.OnUse, d => usedForAll = d)
            .Add(c => c.OnUseForChannels, v => usedForChannel = v));

        var cards = cut.FindAll("[data-testid=draft-variant]");
        Assert.Equal(["15 / 20", "34 / 20"], cards.Select(c => c.QuerySelector(".char-counter")!.TextContent.Trim()));
        Assert.Contains("invalid", cards[1].ClassList);
        Assert.Contains("Built-in drafter (no AI)", cards[0].TextContent, StringComparison.Ordinal);
        await cut.FindAll("[data-testid=draft-variant]")[1].QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Use for all").ClickAsync(new MouseEventArgs());
        await cut.FindAll("[data-testid=draft-variant]")[0].QuerySelector(".use-variant")!.ClickAsync(new MouseEventArgs());
        Assert.Equal(tooLong, usedForAll);
        Assert.Equal(fits, usedForChannel!.Draft);
    }

    private static Draft BuiltInDraft(string text) => new(text, BuiltInDrafter.ProviderName, "Built-in drafter (no AI)", BuiltInDrafter.ModelName, 0, 0, 0m, [], [], 1);
}
