using Ocma.Core.Drafting;

namespace Ocma.Tests.Core.Drafting;

public sealed class VoiceCheckTests
{
    private static readonly BrandVoice Voice = new()
    {
        BrandId = 1, WordsToAvoid = ["guarantee", "best in class", "cheap"], RequiredDisclosures = ["#ad"],
    };

    [Fact]
    public void Check_BannedTermAnyCase_FlaggedInWords()
    {
        var problems = VoiceCheck.Check("We GUARANTEE you will love it. #ad", Voice);

        Assert.Equal(["Remove \"guarantee\": the brand avoids it."], problems);
    }

    [Fact]
    public void Check_BannedTermInsideLongerWord_NotFlagged()
    {
        Assert.Empty(VoiceCheck.Check("Guaranteed delivery, cheaply priced. #ad", Voice));
    }

    [Fact]
    public void Check_BannedPhrase_Flagged()
    {
        Assert.Contains("Remove \"best in class\": the brand avoids it.", VoiceCheck.Check("Best in class coffee. #ad", Voice));
    }

    [Fact]
    public void Check_MissingDisclosure_Flagged()
    {
        Assert.Equal(["Add \"#ad\": the brand requires it in every post."], VoiceCheck.Check("Lovely coffee.", Voice));
    }

    [Fact]
    public void Check_CleanText_NoProblems() => Assert.Empty(VoiceCheck.Check("Lovely coffee. #AD", Voice));
}
