using Ocma.Core.Drafting;
using Ocma.Core.Drafting.Offline;

namespace Ocma.Tests.Core.Drafting;

public sealed class ToneRewriterTests
{
    [Fact]
    public void Apply_Friendly_ContractsAndOpensWithOneExclamation()
    {
        var text = ToneRewriter.Apply("We are open on Sunday. It is not too late to visit. Do not miss it.", Tone.Friendly, EmojiPolicy.Sparing);

        Assert.Equal("We're open on Sunday! It isn't too late to visit. Don't miss it.", text);
    }

    [Fact]
    public void Apply_FriendlyPhraseEndingAClause_NotContracted()
    {
        var text = ToneRewriter.Apply("This is who we are. We are proud of it.", Tone.Friendly, EmojiPolicy.Sparing);

        Assert.Equal("This is who we are! We're proud of it.", text);
    }

    [Fact]
    public void Apply_FriendlyWithEmojiWelcome_AddsOneEmoji()
    {
        var text = ToneRewriter.Apply("We are open on Sunday.", Tone.Friendly, EmojiPolicy.Welcome);

        Assert.Equal("We're open on Sunday! 🙂", text);
    }

    [Fact]
    public void Apply_Professional_ExpandsContractionsDropsExclamationsEmojiAndSlang()
    {
        var text = ToneRewriter.Apply("We're gonna launch something awesome!!! Don't miss it 🎉", Tone.Professional, EmojiPolicy.Welcome);

        Assert.Equal("We are going to launch something excellent. Do not miss it", text);
    }

    [Fact]
    public void Apply_Playful_KeepsAtMostTwoExclamationsAndAddsSparkle()
    {
        var text = ToneRewriter.Apply("New flavours! Come taste! Bring friends! Open late.", Tone.Playful, EmojiPolicy.Sparing);

        Assert.Equal("New flavours! Come taste! Bring friends. Open late. ✨", text);
    }

    [Fact]
    public void Apply_PlayfulButBrandWantsNoEmoji_StripsEmoji()
    {
        var text = ToneRewriter.Apply("Party time 🎉 at the shop.", Tone.Playful, EmojiPolicy.None);

        Assert.False(ToneRewriter.HasEmoji(text));
        Assert.Equal("Party time at the shop!", text);
    }

    [Fact]
    public void Apply_Concise_RemovesFillerAndExclamations()
    {
        var text = ToneRewriter.Apply("We are really very excited! In order to join, just sign up at the desk.", Tone.Concise, EmojiPolicy.Welcome);

        Assert.Equal("We're excited. To join, sign up at the desk.", text);
    }

    [Fact]
    public void Apply_AnyTone_LeavesLinksAlone()
    {
        var link = "https://example.com/We-Are/IT-IS?do=not";
        var text = ToneRewriter.Apply($"It is live: {link} today.", Tone.Friendly, EmojiPolicy.None);

        Assert.Contains(link, text, StringComparison.Ordinal);
        Assert.StartsWith("It's live", text, StringComparison.Ordinal);
    }
}
