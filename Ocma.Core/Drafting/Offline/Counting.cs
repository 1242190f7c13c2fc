using Ocma.Core.Connectors;

namespace Ocma.Core.Drafting.Offline;

/// <summary>The default way the offline drafter counts when no channel says otherwise.</summary>
public static class Counting
{
    public static int Graphemes(string text) => TextCounter.Graphemes(text);
}
