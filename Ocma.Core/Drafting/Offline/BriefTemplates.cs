using System.Text.RegularExpressions;

namespace Ocma.Core.Drafting.Offline;

/// <summary>Turns a brief into a post with fixed templates — one per alternative — then applies the brand's hashtags and disclosures.</summary>
public static partial class BriefTemplates
{
    private static readonly string[] Openers = ["", "News: ", "Did you know? ", "Here's something new: "];

    private static readonly string[] LinkLines = ["Read more: {0}", "Details here: {0}", "Find out more: {0}", "See it here: {0}"];

    [GeneratedRegex(@"(?:https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    public static string Draft(string brief, BrandVoice voice, int variation = 0, Tone? tone = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(brief);
        ArgumentNullException.ThrowIfNull(voice);
        var index = Math.Abs(variation) % Openers.Length;
        var link = Link().Match(brief) is { Success: true } m ? m.Value.TrimEnd('.', ',', ';', ')') : null;
        var body = GrammarFixer.Fix(link is null ? brief : brief.Replace(link, "", StringComparison.Ordinal));
        body = body.TrimEnd(':', ',', ';', '-', ' ');
        if (!body.EndsWith('.') && !body.EndsWith('!') && !body.EndsWith('?'))
        {
            body += ".";
        }

        var opener = Openers[index];
        var text = opener + body; // the brief's first word keeps its capital: it may be a name
        if (link is not null)
        {
            text += " " + string.Format(System.Globalization.CultureInfo.InvariantCulture, LinkLines[index], link);
        }

        text = GrammarFixer.Fix(text);
        if (tone is { } t)
        {
            text = ToneRewriter.Apply(text, t, voice.EmojiPolicy);
        }
        else if (voice.EmojiPolicy == EmojiPolicy.None)
        {
            text = ToneRewriter.StripEmoji(text);
        }

        foreach (var disclosure in voice.RequiredDisclosures.Where(d => !string.IsNullOrWhiteSpace(d) && !text.Contains(d, StringComparison.OrdinalIgnoreCase)))
        {
            text += " " + disclosure.Trim();
        }

        var tags = Hashtags.Suggest(text, voice, 2).Where(tag => voice.Hashtags.Select(Hashtags.Normalize).Contains(tag, StringComparer.OrdinalIgnoreCase));
        return Hashtags.Append(text, tags, int.MaxValue);
    }
}
