using Ocma.Core.Channels;
using Ocma.Core.Connectors;
using Ocma.Core.Posts;
using Ocma.Web.Features.Compose;

namespace Ocma.Tests.Web.Components;

public sealed class VariantEditorTests
{
    private static readonly ChannelSummary Channel = new(7, "sandbox", "Sandbox", "Team", "@team", ChannelStatus.Active, null, null,
        new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), new ContentLimits(20, TextCounting.Graphemes));

    [Fact]
    public async Task Render_WithoutVariant_OffersToCustomizeAndPreviewsTheBaseText()
    {
        var html = await RenderAsync(variant: null, new ContentValidation(9, 20, []));

        Assert.Contains("Customize for @team", html.QuerySelector(".variant-customize")!.TextContent, StringComparison.Ordinal);
        Assert.Null(html.QuerySelector("textarea"));
        Assert.Equal("Base #sale", html.QuerySelector(".preview-text")!.TextContent.Trim());
        Assert.Equal("#sale", html.QuerySelector(".preview-tag")!.TextContent);
    }

    [Fact]
    public async Task Render_WithVariant_ShowsItsOwnEditorAndResetAndPreviewsTheVariant()
    {
        var html = await RenderAsync("Own words for @team", new ContentValidation(19, 20, []));

        var editor = html.QuerySelector("textarea.variant-text")!;
        Assert.Equal("Own words for @team", editor.GetAttribute("value") ?? editor.TextContent);
        Assert.NotNull(html.QuerySelector(".variant-reset"));
        Assert.Null(html.QuerySelector(".variant-customize"));
        Assert.Equal("@team", html.QuerySelector(".preview-mention")!.TextContent);
        Assert.Equal("19 / 20", html.QuerySelector("[data-testid=char-counter]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Render_VariantOverTheLimit_ShowsTheProblemAndWhereTheLimitCuts()
    {
        var html = await RenderAsync("Twenty-five characters!!", new ContentValidation(24, 20, ["Shorten the text by 4 characters."]));

        Assert.Contains("invalid", html.QuerySelector("[data-testid=variant-editor]")!.ClassList);
        Assert.Equal("Shorten the text by 4 characters.", html.QuerySelector(".problem")!.TextContent);
        Assert.Equal("rs!!", html.QuerySelector(".preview-over")!.TextContent);
    }

    [Fact]
    public async Task Render_SentChannel_SaysItKeepsItsTextAndOffersNoEditor()
    {
        var html = await RenderAsync("Sent words", new ContentValidation(10, 20, []), TargetState.Published);

        Assert.Contains("already sent", html.QuerySelector(".variant-locked")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(html.QuerySelectorAll("textarea, .variant-customize, .variant-reset"));
    }

    private static Task<AngleSharp.Html.Dom.IHtmlDocument> RenderAsync(string? variant, ContentValidation validation, TargetState? locked = null) =>
        ComponentRenderer.RenderAsync<VariantEditor>(new Dictionary<string, object?>
        {
            ["Channel"] = Channel,
            ["Validation"] = validation,
            ["BaseText"] = "Base #sale",
            ["Variant"] = variant,
            ["LockedState"] = locked,
        });
}
