using Ocma.Core.Connectors;
using Ocma.Core.Drafting.Offline;

namespace Ocma.Tests.Core.Drafting;

public sealed class TextFitterTests
{
    private const string Three = "Our spring range lands on Monday. Every piece is made in Porto. Come early for the best sizes.";

    [Fact]
    public void Fit_TextWithinLimit_Unchanged() => Assert.Equal(Three, TextFitter.Fit(Three, 500));

    [Fact]
    public void Fit_TooLong_KeepsWholeSentencesThatFit()
    {
        Assert.Equal("Our spring range lands on Monday. Every piece is made in Porto.", TextFitter.Fit(Three, 70));
    }

    [Fact]
    public void Fit_FirstSentenceTooLong_CutsAtAWordBoundaryWithEllipsis()
    {
        var fitted = TextFitter.Fit(Three, 20);

        Assert.Equal("Our spring range…", fitted);
        Assert.True(fitted.Length <= 20);
    }

    [Fact]
    public void Fit_LinkWouldBeCut_DropsItWhole()
    {
        var text = "Shop now https://example.com/spring/collection/2026 before it sells out";

        var fitted = TextFitter.Fit(text, 30);

        Assert.Equal("Shop now…", fitted);
    }

    [Fact]
    public void Fit_LinkInKeptSentence_KeptWhole()
    {
        var text = "Shop now at https://example.com/spring. Free delivery over 50 euros. Returns are free too.";

        Assert.Equal("Shop now at https://example.com/spring. Free delivery over 50 euros.", TextFitter.Fit(text, 75));
    }

    [Fact]
    public void Fit_RequiredDisclosure_KeptAtTheEnd()
    {
        var fitted = TextFitter.Fit("#ad " + Three, 50, keep: ["#ad"]);

        Assert.Equal("Our spring range lands on Monday. #ad", fitted);
    }

    [Fact]
    public void Fit_ChannelCountsLinksAsFixedLength_UsesThatCount()
    {
        var text = "Read it: https://example.com/a/very/long/path/that/is/much/longer/than/twenty/three. Then tell us.";
        int Count(string t) => TextCounter.GraphemesWithFixedUrls(t, 23);

        var fitted = TextFitter.Fit(text, 45, Count);

        Assert.Equal("Read it: https://example.com/a/very/long/path/that/is/much/longer/than/twenty/three.", fitted);
        Assert.True(Count(fitted) <= 45);
    }

    [Fact]
    public void SplitThread_ShortText_OnePostUnnumbered() => Assert.Equal([Three], TextFitter.SplitThread(Three, 280));

    [Fact]
    public void SplitThread_LongText_NumberedPostsWithinLimitAndNoWordLost()
    {
        var text = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"Sentence number {i} tells part of the story."));

        var posts = TextFitter.SplitThread(text, 120);

        Assert.True(posts.Count > 1);
        Assert.All(posts, p => Assert.True(p.Length <= 120, p));
        Assert.All(posts.Select((p, i) => (p, i)), x => Assert.EndsWith($" {x.i + 1}/{posts.Count}", x.p, StringComparison.Ordinal));
        var rejoined = string.Join(' ', posts.Select(p => p[..p.LastIndexOf(' ')]));
        Assert.Equal(text, rejoined);
    }

    [Fact]
    public void SplitThread_OneVeryLongSentence_SplitsBetweenWords()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 60));

        var posts = TextFitter.SplitThread(text, 50);

        Assert.All(posts, p => Assert.Matches(@"^(word )+\d+/\d+$", p));
        Assert.Equal(60, posts.Sum(p => p.Split(' ').Count(w => w == "word")));
    }
}
