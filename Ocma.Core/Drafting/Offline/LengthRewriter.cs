namespace Ocma.Core.Drafting.Offline;

/// <summary>Makes text shorter (filler out, then whole sentences dropped) or longer (a closing line and the brand's hashtags).</summary>
public static class LengthRewriter
{
    private static readonly string[] Closings =
    [
        "Tell us what you think in the replies.",
        "Share this with someone who would find it useful.",
        "Follow along for more updates like this.",
    ];

    /// <summary>Filler removed; if that is not enough for about a third off, fitted to 70 % by whole sentences or words.</summary>
    public static string Shorter(string text, BrandVoice voice, Func<string, int>? count = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        count ??= Counting.Graphemes;
        var original = count(text);
        var lean = ToneRewriter.RemoveFiller(text);
        var target = (int)Math.Floor(original * 0.7);
        return count(lean) <= target ? lean : TextFitter.Fit(lean, target, count, voice.RequiredDisclosures);
    }

    /// <summary>The text with a closing line (which one depends on <paramref name="variation"/>) and up to two brand hashtags.</summary>
    public static string Longer(string text, BrandVoice voice, int variation = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        var (body, tagLine) = SplitTrailingTags(GrammarFixer.Fix(text));
        if (body.Length > 0 && !".!?…".Contains(body[^1], StringComparison.Ordinal) && !body.EndsWith(')'))
        {
            body += ".";
        }

        var closing = Closings.FirstOrDefault(c => !body.Contains(c, StringComparison.OrdinalIgnoreCase), "");
        closing = Closings[Math.Abs(variation) % Closings.Length] is var preferred && !body.Contains(preferred, StringComparison.OrdinalIgnoreCase) ? preferred : closing;
        var longer = (closing.Length == 0 ? body : body + " " + closing) + tagLine;
        return Hashtags.Append(longer, Hashtags.Suggest(longer, voice, 2).Where(t => voice.Hashtags.Select(Hashtags.Normalize).Contains(t, StringComparer.OrdinalIgnoreCase)), int.MaxValue);
    }

    /// <summary>A last line made only of hashtags stays last: the closing sentence goes before it.</summary>
    private static (string Body, string TagLine) SplitTrailingTags(string text)
    {
        var cut = text.LastIndexOf('\n');
        var last = cut < 0 ? "" : text[(cut + 1)..];
        return last.Length > 0 && Sentences.Words(last).All(w => w.StartsWith('#'))
            ? (text[..cut].TrimEnd(), "\n\n" + last)
            : (text, "");
    }
}
