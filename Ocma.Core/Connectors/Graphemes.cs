using System.Globalization;
using System.Text;

namespace Ocma.Core.Connectors;

/// <summary>
/// Extended grapheme clusters as Unicode 15.1 defines them (UAX #29): what a person sees as one character, and how
/// Bluesky's server and today's browsers count. .NET 10's <see cref="StringInfo"/> applies every rule but GB9c, so it
/// splits Indic conjuncts ("क्ष" is one cluster, not two); this walks .NET's clusters and joins the ones GB9c keeps
/// together: a consonant, then marks with at least one virama (linker), then a consonant.
/// </summary>
public static class Graphemes
{
    public static int Count(string text)
    {
        var count = 0;
        Walk(text, _ => count++);
        return count;
    }

    /// <summary>The UTF-16 index where each cluster starts (empty for empty text).</summary>
    public static IReadOnlyList<int> Starts(string text)
    {
        var starts = new List<int>();
        Walk(text, starts.Add);
        return starts;
    }

    private static void Walk(string text, Action<int> clusterStarts)
    {
        var conjunct = Conjunct.None;
        var index = 0;
        while (index < text.Length)
        {
            var element = text.AsSpan(index, StringInfo.GetNextTextElementLength(text.AsSpan(index)));
            if (!(conjunct == Conjunct.AfterLinker && StartsWithConsonant(element)))
            {
                clusterStarts(index);
            }

            foreach (var rune in element.EnumerateRunes())
            {
                conjunct = Next(conjunct, IndicConjunctBreaks.Of(rune.Value));
            }

            index += element.Length;
        }
    }

    private static bool StartsWithConsonant(ReadOnlySpan<char> element) =>
        Rune.DecodeFromUtf16(element, out var first, out _) == System.Buffers.OperationStatus.Done
        && IndicConjunctBreaks.Of(first.Value) == IndicConjunctBreak.Consonant;

    /// <summary>Where the text stands in the pattern <c>Consonant [Extend Linker]* Linker [Extend Linker]*</c>.</summary>
    private static Conjunct Next(Conjunct state, IndicConjunctBreak value) => value switch
    {
        IndicConjunctBreak.Consonant => Conjunct.AfterConsonant,
        IndicConjunctBreak.Linker when state != Conjunct.None => Conjunct.AfterLinker,
        IndicConjunctBreak.Extend => state,
        _ => Conjunct.None,
    };

    private enum Conjunct
    {
        None,
        AfterConsonant,
        AfterLinker,
    }
}
