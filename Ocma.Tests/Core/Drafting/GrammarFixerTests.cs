using Ocma.Core.Drafting.Offline;

namespace Ocma.Tests.Core.Drafting;

public sealed class GrammarFixerTests
{
    [Theory]
    [InlineData("Our  new   range is here.", "Our new range is here.")]
    [InlineData("Hello , world !", "Hello, world!")]
    [InlineData("great news.the range is out. come see", "Great news.the range is out. Come see")]
    [InlineData("first line.\n\n\n\nsecond line", "First line.\n\nSecond line")]
    [InlineData("i think i'm ready", "I think I'm ready")]
    [InlineData("Fast,cheap;good", "Fast, cheap; good")]
    [InlineData("bring snacks, e.g. fruit. then relax", "Bring snacks, e.g. fruit. Then relax")]
    public void Fix_SimpleMistakes_Corrected(string input, string expected) => Assert.Equal(expected, GrammarFixer.Fix(input));

    [Fact]
    public void Fix_TextWithLink_LinkUntouched()
    {
        var fixedText = GrammarFixer.Fix("read it. https://example.com/a?b=c,d&e=f!x and more");

        Assert.Equal("Read it. https://example.com/a?b=c,d&e=f!x and more", fixedText);
    }

    [Fact]
    public void Fix_SentenceStartingWithLink_LinkNotCapitalised()
    {
        Assert.Equal("See this. https://example.com/x", GrammarFixer.Fix("see this.  https://example.com/x"));
    }
}
