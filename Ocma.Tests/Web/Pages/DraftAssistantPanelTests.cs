using Bunit;
using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Tests.Support;
using Ocma.Web.Features.Compose;

namespace Ocma.Tests.Web.Pages;

/// <summary>The composer's draft assistant clicked through with bUnit against the real app and its built-in drafter.</summary>
public sealed class DraftAssistantPanelTests : AppComponentTest
{
    private Actor _admin = default!;
    private ChannelSummary _channel = default!;
    private string _text = "";

    public override async Task InitializeAsync()
    {
        _admin = await TestUsers.CreateAdminAsync(App);
        _channel = await SandboxChannels.ConnectAsync(App, _admin);
    }

    [Fact]
    public void DraftFromABrief_PutsTheDraftInThePostText_LabelledWithWhatWroteIt_AndUndoBringsTheOldTextBack()
    {
        _text = "My own first words";
        var cut = Render();

        Assert.Equal("Built-in drafter (no AI)", cut.Find("[data-testid=draft-provider]").TextContent.Trim());
        Assert.True(cut.Find("#draft-from-brief").HasAttribute("disabled")); // nothing to draft from yet
        cut.Find("#draft-brief").Input("Spring plant sale: 20% off all houseplants this weekend");
        cut.Find("#draft-from-brief").Click();

        cut.WaitForAssertion(() => Assert.Contains("Built-in drafter (no AI)", cut.Find("[data-testid=draft-meta]").TextContent, StringComparison.Ordinal));
        Assert.NotEqual("My own first words", _text);
        Assert.Contains("plant", _text, StringComparison.OrdinalIgnoreCase);
        cut.FindAll("[data-testid=draft-result] button").Single(b => b.TextContent.Trim() == "Undo").Click();
        cut.WaitForAssertion(() => Assert.Equal("My own first words", _text)); // a MudButton's click handler may finish after Click() returns
    }

    [Fact]
    public void Alternatives_OfferThree_AndTheChosenOneBecomesThePostText()
    {
        var cut = Render();
        cut.Find("#draft-brief").Input("Harbour café opens a terrace");

        cut.Find("#draft-alternatives").Click();

        var alternatives = cut.WaitForElements("[data-testid=draft-alternative]", 3);
        var second = alternatives[1].QuerySelector(".draft-text")!.TextContent.Trim();
        alternatives[1].QuerySelector("button")!.Click();
        Assert.Equal(second, _text);
    }

    [Fact]
    public void FitToChannels_ShowsTheChannelsVariantWithItsCount_AndUseForAllMakesItThePostText()
    {
        _text = "Our new terrace opens on Friday with live music and local beer from the harbour brewery";
        var cut = Render();

        cut.Find("#draft-variants").Click();

        var variant = cut.WaitForElement("[data-testid=draft-variant]");
        Assert.Matches(@"^\d+ / 500$", variant.QuerySelector(".char-counter")!.TextContent.Trim());
        variant.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Use for all").Click();
        Assert.Equal(cut.Find("[data-testid=draft-variant] .draft-text").TextContent.Trim(), _text);
    }

    private IRenderedComponent<DraftAssistant> Render()
    {
        SignInAs(_admin);
        return RenderInLayout<DraftAssistant>(p => p
            .Add(c => c.BrandId, 1)
            .Add(c => c.Text, _text)
            .Add(c => c.TextChanged, text => _text = text)
            .Add(c => c.Channels, [_channel]));
    }
}
