using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Tests.Connectors.Shared;

/// <summary>Image shape rules (aspect ratio, pixel count) from a library image's known dimensions.</summary>
public sealed class ContentRulesTests
{
    private static readonly ContentLimits Square = new(500, TextCounting.Graphemes, 4, 8_000_000, MinAspect: 0.8, MaxAspect: 1.91, MaxImagePixels: 4_000_000);

    [Theory]
    [InlineData(1080, 1080, null)]
    [InlineData(1080, 1350, null)]
    [InlineData(3000, 1000, "Crop 'a.jpg': it is 3000×1000 (3:1) and Test accepts shapes from 0.8:1 to 1.91:1.")]
    [InlineData(500, 1000, "Crop 'a.jpg': it is 500×1000 (0.5:1) and Test accepts shapes from 0.8:1 to 1.91:1.")]
    [InlineData(2100, 2100, "Scale 'a.jpg' down: it is 2100×2100 pixels and Test accepts at most 4,000,000 pixels per image.")]
    public void Check_ImageWithKnownSize_NamesTheShapeProblem(int width, int height, string? expected)
    {
        var image = new MediaItem("a.jpg", "image/jpeg", 1000, "alt", _ => Task.FromResult<Stream>(Stream.Null), Width: width, Height: height);

        var problems = ContentRules.Check(new PostContent("Hi", [image]), Square, "Test", 2);

        Assert.Equal(expected is null ? [] : [expected], problems);
    }

    [Fact]
    public void Check_ImageWithUnknownSize_IsNotJudgedOnShape()
    {
        var image = new MediaItem("a.jpg", "image/jpeg", 1000, null, _ => Task.FromResult<Stream>(Stream.Null));

        Assert.Empty(ContentRules.Check(new PostContent("Hi", [image]), Square, "Test", 2));
    }
}
