using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Ocma.Core.Channels;
using Ocma.Core.Connectors;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Ocma.Web.Features.Compose;

namespace Ocma.Tests.Web.Components;

public sealed class VariantEditorTests : ComponentTest
{
    private static readonly ChannelSummary Channel = new(7, "sandbox", "Sandbox", "Team", "@team", ChannelStatus.Active, null, null,
        new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), new ContentLimits(20, TextCounting.Graphemes));

    private readonly List<string?> _changes = [];

    [Fact]
    public void Render_WithoutVariant_OffersToCustomizeAndPreviewsTheBaseText()
    {
        var cut = Render(variant: null, new ContentValidation(9, 20, []));

        Assert.Contains("Customize for @team", cut.Find(".variant-customize").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("textarea"));
        Assert.Equal("Base #sale", cut.Find(".preview-text").TextContent.Trim());
        Assert.Equal("#sale", cut.Find(".preview-tag").TextContent);
    }

    [Fact]
    public async Task ClickCustomize_StartsTheChannelsOwnTextFromTheBaseText()
    {
        var cut = Render(variant: null, new ContentValidation(9, 20, []));

        await cut.Find(".variant-customize").ClickAsync(new MouseEventArgs());

        Assert.Equal(["Base #sale"], _changes);
    }

    [Fact]
    public void Render_WithVariant_ShowsItsOwnEditorAndResetAndPreviewsTheVariant()
    {
        var cut = Render("Own words for @team", new ContentValidation(19, 20, []));

        Assert.Equal("Own words for @team", cut.Find("textarea#variant-7").GetAttribute("value") ?? cut.Find("textarea#variant-7").TextContent);
        Assert.Empty(cut.FindAll(".variant-customize"));
        Assert.Equal("@team", cut.Find(".preview-mention").TextContent);
        Assert.Equal("19 / 20", cut.Find("[data-testid=char-counter]").TextContent.Trim());
    }

    [Fact]
    public async Task TypeInTheOwnText_ReportsEachChange_AndResetGoesBackToTheBaseText()
    {
        var cut = Render("Own", new ContentValidation(3, 20, []));

        cut.Find("textarea#variant-7").Input("Own words");
        await cut.Find(".variant-reset").ClickAsync(new MouseEventArgs());

        Assert.Equal(["Own words", null], _changes);
    }

    [Fact]
    public void Render_VariantOverTheLimit_ShowsTheProblemAndWhereTheLimitCuts()
    {
        var cut = Render("Twenty-five characters!!", new ContentValidation(24, 20, ["Shorten the text by 4 characters."]));

        Assert.Contains("invalid", cut.Find("[data-testid=variant-editor]").ClassList);
        Assert.Equal("Shorten the text by 4 characters.", cut.Find(".problem").TextContent);
        Assert.Equal("rs!!", cut.Find(".preview-over").TextContent);
    }

    [Fact]
    public void Render_SentChannel_SaysItKeepsItsTextAndOffersNoEditor()
    {
        var cut = Render("Sent words", new ContentValidation(10, 20, []), TargetState.Published);

        Assert.Contains("already sent", cut.Find(".variant-locked").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("textarea, .variant-customize, .variant-reset"));
    }

    private IRenderedComponent<VariantEditor> Render(string? variant, ContentValidation validation, TargetState? locked = null) =>
        Render<VariantEditor>(p => p
            .Add(c => c.Channel, Channel)
            .Add(c => c.Validation, validation)
            .Add(c => c.BaseText, "Base #sale")
            .Add(c => c.Variant, variant)
            .Add(c => c.LockedState, locked)
            .Add(c => c.VariantChanged, text => _changes.Add(text)));
}
