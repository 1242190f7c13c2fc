namespace Ocma.Core.Drafting;

/// <summary>
/// One step of a streamed completion: a piece of text as the model writes it, or (last, exactly once) the whole
/// <see cref="Completion"/> with its token counts or its failure.
/// </summary>
public sealed record CompletionUpdate(string TextDelta, Completion? Final)
{
    public static CompletionUpdate Delta(string text) => new(text, null);

    public static CompletionUpdate Done(Completion completion) => new("", completion);
}
