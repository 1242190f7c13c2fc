using System.Globalization;
using Ocma.Core.Connectors;

namespace Ocma.Tests.Core;

/// <summary>
/// Extended grapheme clusters per Unicode 15.1 (UAX #29 with rule GB9c, the Indic conjunct rule). Every expected
/// figure was checked against ICU's segmenter (JavaScript's Intl.Segmenter), which Bluesky's server counts with.
/// </summary>
public sealed class GraphemesTests
{
    [Theory]
    [InlineData("\u0915\u094D\u0937", 1)] // क्ष: consonant, virama, consonant
    [InlineData("\u0915\u094D\u200D\u0937", 1)] // with a zero-width joiner (half form)
    [InlineData("\u0915\u093C\u094D\u0937", 1)] // a nukta between consonant and virama
    [InlineData("\u0915\u0301\u094D\u0937", 1)] // any combining mark (InCB=Extend) between them
    [InlineData("\u0915\u094D\u094D\u0937", 1)] // two viramas
    [InlineData("\u0938\u094D\u0924\u094D\u0930", 1)] // स्त्र: three consonants in one conjunct
    [InlineData("\u0995\u09CD\u09B7", 1)] // Bengali
    [InlineData("\u0A95\u0ACD\u0AB7", 1)] // Gujarati
    [InlineData("\u0B15\u0B4D\u0B37", 1)] // Oriya
    [InlineData("\u0C15\u0C4D\u0C37", 1)] // Telugu
    [InlineData("\u0D15\u0D4D\u0D15", 1)] // Malayalam
    [InlineData("\u0915\u094D \u0937", 3)] // a space ends the conjunct
    [InlineData("a\u094D\u0915", 2)] // a virama after a non-consonant links nothing
    [InlineData("\u0B95\u0BCD\u0BB7", 2)] // Tamil's virama is not a linker in 15.1
    [InlineData("\u0C95\u0CCD\u0CB7", 2)] // nor Kannada's
    [InlineData("क्षत्रिय", 3)]
    [InlineData("a\r\nb", 3)]
    [InlineData("🇫🇷🇩🇪", 2)]
    [InlineData("👨‍👩‍👧‍👦", 1)]
    [InlineData("héllo", 5)]
    [InlineData("", 0)]
    public void Count_CountsUnicode151Clusters(string text, int expected) => Assert.Equal(expected, Graphemes.Count(text));

    [Fact]
    public void Count_IndicConjuncts_MatchesBlueskysServerWhereStringInfoDoesNot()
    {
        var text = string.Concat(Enumerable.Repeat("क्षत्रिय ", 75));

        Assert.Equal(300, Graphemes.Count(text));
        Assert.Equal(299, Graphemes.Count(text.TrimEnd()));
        Assert.Equal(450, new StringInfo(text).LengthInTextElements); // .NET 10 alone: why this class exists
    }

    [Fact]
    public void Starts_GivesWhereEachClusterBegins()
    {
        Assert.Equal([0, 3, 7], Graphemes.Starts("क्षत्रिय"));
        Assert.Equal([0, 1, 3], Graphemes.Starts("a\r\nb"));
        Assert.Equal([0, 4], Graphemes.Starts("🇫🇷🇩🇪"));
    }

    [Fact]
    public void Count_BrokenSurrogates_CountsEachAndDoesNotThrow() =>
        Assert.Equal(3, Graphemes.Count("a\uD800b"));
}
