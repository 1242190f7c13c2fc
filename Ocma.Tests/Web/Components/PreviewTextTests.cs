using Ocma.Core.Connectors;
using Ocma.Web.Features.Compose;

namespace Ocma.Tests.Web.Components;

public sealed class PreviewTextTests
{
    [Fact]
    public void Segments_MarksLinksHashtagsAndMentions()
    {
        var segments = PreviewText.Segments("Sale at https://shop.example/a?b=1 #spring with @anna@social.example, not mail@example.com");

        Assert.Equal(
            [("https://shop.example/a?b=1", PreviewKind.Link), ("#spring", PreviewKind.Hashtag), ("@anna@social.example", PreviewKind.Mention)],
            segments.Where(s => s.Kind != PreviewKind.Text).Select(s => (s.Text, s.Kind)));
        Assert.Equal("Sale at https://shop.example/a?b=1 #spring with @anna@social.example, not mail@example.com", string.Concat(segments.Select(s => s.Text)));
    }

    [Fact]
    public void CutIndex_CountsTheWayThePlatformDoes()
    {
        var x = new ContentLimits(30, TextCounting.Weighted);

        // The link counts 23 whatever its length, so 7 more characters fit after it.
        var text = "https://example.com/a-very-long-path-indeed 12345678";

        Assert.Equal(text.Length - 2, PreviewText.CutIndex(text, x));
        Assert.Null(PreviewText.CutIndex("short", x));
    }

    [Fact]
    public void CutIndex_NeverSplitsAnEmoji()
    {
        var limits = new ContentLimits(3, TextCounting.Graphemes);

        Assert.Equal("ab👍🏽".Length, PreviewText.CutIndex("ab👍🏽cd", limits));
    }

    [Fact]
    public void CutIndex_NeverSplitsAnIndicConjunct()
    {
        var limits = new ContentLimits(2, TextCounting.Graphemes);

        // क्ष · त्रि · य: two clusters fit, and the cut falls before य, not inside a conjunct.
        Assert.Equal("क्षत्रि".Length, PreviewText.CutIndex("क्षत्रिय", limits));
    }
}
