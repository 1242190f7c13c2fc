namespace Ocma.Core.Drafting;

/// <summary>
/// What the composer shows while a draft is being written: the text so far. The last update carries the finished draft
/// (tidied, costed, recorded) or why there is none, in <see cref="Result"/>.
/// </summary>
public sealed record DraftStreamUpdate(string Text, DraftingResult<Draft>? Result)
{
    public bool IsFinished => Result is not null;
}
