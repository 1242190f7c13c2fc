using Ocma.Core.Connectors;

namespace Ocma.Tests.Core;

public sealed class TextCounterTests
{
    [Theory]
    [InlineData("hello", 5)]
    [InlineData("héllo", 5)]
    [InlineData("👍🏽", 1)]
    [InlineData("👨‍👩‍👧", 1)]
    [InlineData("日本語", 3)]
    public void Graphemes_CountsWhatAPersonSees(string text, int expected) => Assert.Equal(expected, TextCounter.Graphemes(text));

    [Fact]
    public void GraphemesWithFixedUrls_CountsEveryUrlAsTheFixedLength() =>
        Assert.Equal(6 + 23, TextCounter.GraphemesWithFixedUrls("Read: https://example.com/a/very/long/path?with=query", 23));

    [Theory]
    [InlineData("hello", 5)]
    [InlineData("日本", 4)]
    [InlineData("hi 👍", 5)]
    [InlineData("see https://example.com/abc", 4 + 23)]
    public void Weighted_CountsLikeX(string text, int expected) => Assert.Equal(expected, WeightedTextCounter.Count(text, 23));
}
