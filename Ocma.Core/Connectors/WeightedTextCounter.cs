using System.Globalization;

namespace Ocma.Core.Connectors;

/// <summary>
/// X's weighted length: every URL counts as a fixed 23, code points in the common Latin, punctuation and
/// symbol ranges count 1, everything else (CJK, emoji, most other scripts) counts 2. An emoji sequence
/// (with joiners or modifiers) counts as one emoji.
/// </summary>
public static class WeightedTextCounter
{
    private static readonly (int From, int To)[] LightRanges =
    [
        (0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037),
    ];

    public static int Count(string text, int urlLength)
    {
        var total = 0;
        var position = 0;
        foreach (System.Text.RegularExpressions.Match url in TextCounter.Urls(text))
        {
            total += CountPlain(text[position..url.Index]) + urlLength;
            position = url.Index + url.Length;
        }

        return total + CountPlain(text[position..]);
    }

    private static int CountPlain(string text)
    {
        var total = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var codePoint = char.ConvertToUtf32(element, 0);
            total += IsLight(codePoint) && !IsEmojiSequence(element) ? 1 : 2;
        }

        return total;
    }

    private static bool IsLight(int codePoint) => LightRanges.Any(r => codePoint >= r.From && codePoint <= r.To);

    private static bool IsEmojiSequence(string element) => element.Contains('\u200D') || element.Contains('\uFE0F');
}
