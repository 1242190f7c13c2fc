using Ocma.Core.Posts;

namespace Ocma.Core.Bulk;

/// <summary>A row of the file that would become a post.</summary>
public sealed record ImportRow(int Line, string Text, string Channels, string Due, ComposeRequest Request);

/// <summary>A row that cannot be imported, and why in words.</summary>
public sealed record ImportProblem(int Line, string Reason);

/// <summary>What a dry run found: the good rows and every bad one. Nothing has been stored.</summary>
public sealed record ImportPlan(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Problems)
{
    public bool CanImport => Problems.Count == 0 && Rows.Count > 0;
}
