namespace Ocma.Core.Connectors;

/// <summary>The result of checking content against one platform's rules: the count shown beside the editor, and what to fix.</summary>
public sealed record ContentValidation(int Length, int MaxLength, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;

    public int Remaining => MaxLength - Length;
}
