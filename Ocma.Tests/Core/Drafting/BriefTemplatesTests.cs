using Ocma.Core.Drafting;
using Ocma.Core.Drafting.Offline;

namespace Ocma.Tests.Core.Drafting;

public sealed class BriefTemplatesTests
{
    private static readonly BrandVoice Voice = new()
    {
        BrandId = 1, Hashtags = ["#AcmeCoffee"], RequiredDisclosures = ["#ad"], EmojiPolicy = EmojiPolicy.None,
    };

    [Fact]
    public void Draft_Brief_CleanSentenceWithLinkLineDisclosureAndBrandTag()
    {
        var text = BriefTemplates.Draft("new  cold brew in all shops from monday https://acme.example/cold", Voice);

        Assert.Equal("New cold brew in all shops from monday. Read more: https://acme.example/cold #ad\n\n#AcmeCoffee", text);
    }

    [Fact]
    public void Draft_Variations_DifferentOpeningsSameFacts()
    {
        var drafts = Enumerable.Range(0, 3).Select(i => BriefTemplates.Draft("cold brew is back", Voice, i)).ToList();

        Assert.Equal(3, drafts.Distinct().Count());
        Assert.All(drafts, d => Assert.Contains("cold brew is back", d, StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("News: Cold brew is back.", drafts[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_SameInput_SameOutput() =>
        Assert.Equal(BriefTemplates.Draft("cold brew is back", Voice, 2, Tone.Playful), BriefTemplates.Draft("cold brew is back", Voice, 2, Tone.Playful));

    [Fact]
    public void Draft_WithTone_AppliesIt()
    {
        var text = BriefTemplates.Draft("we are open late on friday", Voice, 0, Tone.Friendly);

        Assert.StartsWith("We're open late on friday!", text, StringComparison.Ordinal);
    }
}
