using Ocma.Core.Drafting;
using Ocma.Core.Drafting.Offline;

namespace Ocma.Tests.Core.Drafting;

public sealed class HashtagsTests
{
    private static readonly BrandVoice Voice = new() { BrandId = 1, Hashtags = ["#AcmeCoffee", "SpringSale", "#Porto"] };

    [Fact]
    public void Suggest_TextMentionsABrandTag_ThatTagFirst()
    {
        var tags = Hashtags.Suggest("Our spring sale starts today in Lisbon.", Voice, 3);

        Assert.Equal(["#SpringSale", "#AcmeCoffee", "#Porto"], tags);
    }

    [Fact]
    public void Suggest_TagAlreadyInText_NotSuggestedAgain()
    {
        var tags = Hashtags.Suggest("Fresh beans #AcmeCoffee", Voice, 5);

        Assert.DoesNotContain("#AcmeCoffee", tags, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("#Porto", tags);
    }

    [Fact]
    public void Suggest_NoBrandTags_UsesKeywordsFromTheText()
    {
        var tags = Hashtags.Suggest("Visit Barcelona for the ceramics festival", BrandVoice.Default(1), 2);

        Assert.Equal(["#Barcelona", "#Ceramics"], tags);
    }

    [Fact]
    public void Append_LimitLeavesRoomForOneTag_AddsOnlyThatOne()
    {
        var text = "Fresh beans today.";

        var result = Hashtags.Append(text, ["#Coffee", "#Porto"], text.Length + 2 + "#Coffee".Length);

        Assert.Equal("Fresh beans today.\n\n#Coffee", result);
    }

    [Theory]
    [InlineData("spring sale", "#springsale")]
    [InlineData("##Porto!", "#Porto")]
    [InlineData("  ", null)]
    public void Normalize_VariousInputs_HashtagForm(string input, string? expected) => Assert.Equal(expected, Hashtags.Normalize(input));
}
