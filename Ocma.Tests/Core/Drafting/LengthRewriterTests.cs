using Ocma.Core.Drafting;
using Ocma.Core.Drafting.Offline;

namespace Ocma.Tests.Core.Drafting;

public sealed class LengthRewriterTests
{
    private static readonly BrandVoice Voice = new() { BrandId = 1, Hashtags = ["#AcmeCoffee"], RequiredDisclosures = ["#ad"] };

    [Fact]
    public void Shorter_LongPost_AtLeastAThirdShorterInWholeSentencesKeepingDisclosure()
    {
        var text = "Our new cold brew is really very smooth. It is brewed for twenty hours in Porto. Try it in every shop this week. #ad";

        var shorter = LengthRewriter.Shorter(text, Voice);

        Assert.True(shorter.Length <= text.Length * 0.7, shorter);
        Assert.Equal("Our new cold brew is smooth. It is brewed for twenty hours in Porto. #ad", shorter);
    }

    [Fact]
    public void Shorter_OnlyFiller_RemovingFillerIsEnough()
    {
        var shorter = LengthRewriter.Shorter("It is really, really very actually basically good.", Voice);

        Assert.Equal("It is really, good.", shorter);
    }

    [Fact]
    public void Longer_Post_AddsAClosingLineAndBrandTag()
    {
        var longer = LengthRewriter.Longer("Cold brew is back", Voice);

        Assert.Equal("Cold brew is back. Tell us what you think in the replies.\n\n#AcmeCoffee", longer);
    }

    [Fact]
    public void Longer_OtherVariation_DifferentClosing()
    {
        Assert.NotEqual(LengthRewriter.Longer("Cold brew is back.", Voice, 0), LengthRewriter.Longer("Cold brew is back.", Voice, 1));
    }

    [Fact]
    public void Longer_PostEndingInHashtagLine_ClosingGoesBeforeTheTags()
    {
        var longer = LengthRewriter.Longer("Cold brew is back\n\n#AcmeCoffee #Porto", Voice);

        Assert.Equal("Cold brew is back. Tell us what you think in the replies.\n\n#AcmeCoffee #Porto", longer);
    }
}
