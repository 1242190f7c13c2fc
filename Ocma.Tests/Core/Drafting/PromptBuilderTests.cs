using Ocma.Core.Drafting;

namespace Ocma.Tests.Core.Drafting;

public sealed class PromptBuilderTests
{
    private static readonly BrandVoice Voice = new()
    {
        BrandId = 1, Description = "Warm and plain, like a neighbour.", WordsToAvoid = ["guarantee"], RequiredDisclosures = ["#ad"],
        Hashtags = ["AcmeCoffee"], EmojiPolicy = EmojiPolicy.None,
    };

    [Fact]
    public void Build_AnyTask_SystemCarriesTheWholeVoice()
    {
        var prompt = PromptBuilder.Build(new DraftTask(DraftTaskKind.FromBrief, "cold brew", Voice), 400);

        Assert.Contains("Warm and plain, like a neighbour.", prompt.System, StringComparison.Ordinal);
        Assert.Contains("\"guarantee\"", prompt.System, StringComparison.Ordinal);
        Assert.Contains("\"#ad\"", prompt.System, StringComparison.Ordinal);
        Assert.Contains("#AcmeCoffee", prompt.System, StringComparison.Ordinal);
        Assert.Contains("Do not use emoji.", prompt.System, StringComparison.Ordinal);
        Assert.EndsWith("cold brew", prompt.User, StringComparison.Ordinal);
        Assert.Equal(400, prompt.MaxTokens);
    }

    [Fact]
    public void Build_FitAfterOvershoot_FirmerInstructionNamesBothLengths()
    {
        var prompt = PromptBuilder.Build(new DraftTask(DraftTaskKind.FitChannel, "long text", Voice, MaxLength: 300), 400, "Bluesky", 412);

        Assert.Contains("Your last version was 412 characters, but Bluesky allows at most 300. This is a hard limit.", prompt.User, StringComparison.Ordinal);
        Assert.Contains("at most 270 characters", prompt.User, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Alternative_AsksForADifferentAngle()
    {
        Assert.Contains("alternative 2", PromptBuilder.Build(new DraftTask(DraftTaskKind.FromBrief, "x", Voice, Variation: 1), 100).User, StringComparison.Ordinal);
        Assert.DoesNotContain("alternative", PromptBuilder.Build(new DraftTask(DraftTaskKind.FromBrief, "x", Voice), 100).User, StringComparison.Ordinal);
    }
}
