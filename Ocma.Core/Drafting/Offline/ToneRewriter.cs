using System.Text.RegularExpressions;

namespace Ocma.Core.Drafting.Offline;

/// <summary>Rewrites text into one of the tone presets with fixed rules: contractions, exclamation marks, emoji and filler words.</summary>
public static partial class ToneRewriter
{
    private static readonly (string From, string To)[] Contractions =
    [
        ("do not", "don't"), ("does not", "doesn't"), ("did not", "didn't"), ("is not", "isn't"), ("are not", "aren't"),
        ("cannot", "can't"), ("will not", "won't"), ("we are", "we're"), ("you are", "you're"), ("they are", "they're"),
        ("it is", "it's"), ("that is", "that's"), ("we will", "we'll"), ("you will", "you'll"), ("I am", "I'm"),
        ("we have", "we've"), ("let us", "let's"), ("there is", "there's"),
    ];

    private static readonly (string From, string To)[] Slang =
    [
        ("gonna", "going to"), ("wanna", "want to"), ("awesome", "excellent"), ("super excited", "pleased"),
        ("guys", "everyone"), ("stuff", "items"), ("cool", "notable"), ("kinda", "somewhat"),
    ];

    private static readonly (string From, string To)[] Filler =
    [
        ("we are excited to announce that ", ""), ("we're excited to announce that ", ""), ("please note that ", ""),
        ("in order to", "to"), ("due to the fact that", "because"), ("at this point in time", "now"), ("a number of", "several"),
        ("really ", ""), ("very ", ""), ("just ", ""), ("actually ", ""), ("basically ", ""), ("truly ", ""),
    ];

    [GeneratedRegex(@"!+")]
    private static partial Regex Exclamations();

    [GeneratedRegex(@"(?:\p{Cs}|[\u2600-\u27BF\uFE0F\u200D])+")]
    private static partial Regex EmojiPattern();

    public static string Apply(string text, Tone tone, EmojiPolicy emoji = EmojiPolicy.Sparing)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = ProtectedUrls.Around(text, t => tone switch
        {
            Tone.Friendly => Finish(Contract(t), exclamations: 1, emoji, EmojiPolicy.Welcome, "🙂"),
            Tone.Professional => Finish(Phrases.Replace(Expand(t), Slang), exclamations: 0, EmojiPolicy.None, EmojiPolicy.None, ""),
            Tone.Playful => Finish(Contract(t), exclamations: 2, emoji, EmojiPolicy.Sparing, "✨"),
            Tone.Concise => Finish(Contract(Phrases.Replace(t, Filler)), exclamations: 0, EmojiPolicy.None, EmojiPolicy.None, ""),
            _ => t,
        });
        return GrammarFixer.Fix(result);
    }

    public static bool HasEmoji(string text) => EmojiPattern().IsMatch(text);

    public static string StripEmoji(string text) => Sentences.CollapseSpaces(EmojiPattern().Replace(text, ""));

    /// <summary>Removes filler words and phrases ("really", "in order to" → "to").</summary>
    public static string RemoveFiller(string text) => GrammarFixer.Fix(ProtectedUrls.Around(text, t => Phrases.Replace(t, Filler)));

    /// <summary>Contracts only mid-clause: "we're here" is English, "that's who we're." is not.</summary>
    private static string Contract(string text) => Phrases.Replace(text, Contractions, beforeAWord: true);

    private static string Expand(string text) => Phrases.Replace(text, Contractions.Select(c => (c.To, c.From)));

    /// <summary>
    /// Applies the exclamation and emoji rules: at most <paramref name="exclamations"/> sentences keep (or gain) a "!";
    /// emoji are removed when the brand or tone says none, and one is added when the brand's policy reaches <paramref name="addAt"/>.
    /// </summary>
    private static string Finish(string text, int exclamations, EmojiPolicy brandPolicy, EmojiPolicy addAt, string addEmoji)
    {
        text = Exclamations().Replace(text, "!");
        var sentences = Sentences.Split(text);
        var allowed = exclamations;
        for (var i = 0; i < sentences.Count; i++)
        {
            var (s, gap) = sentences[i];
            if (s.EndsWith('!') && allowed-- <= 0)
            {
                s = s[..^1] + ".";
            }

            sentences[i] = (s, gap);
        }

        if (exclamations > 0 && allowed == exclamations && sentences.Count > 0 && sentences[0].Text.EndsWith('.'))
        {
            sentences[0] = (sentences[0].Text[..^1] + "!", sentences[0].Gap); // a friendly opening line
        }

        text = Sentences.Join(sentences);
        if (brandPolicy == EmojiPolicy.None || addAt == EmojiPolicy.None)
        {
            return StripEmoji(text);
        }

        return brandPolicy >= addAt && !HasEmoji(text) ? text + " " + addEmoji : text;
    }
}
