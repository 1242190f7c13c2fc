using Ocma.Core.Drafting.Offline;

namespace Ocma.Core.Drafting;

/// <summary>
/// The offline drafter: templates and fixed rules, no network, no cost. It is the default, it keeps working when the AI budget is
/// spent, and it is always labelled as built-in so nobody mistakes its output for a model's.
/// </summary>
public sealed class BuiltInDrafter : IDraftingProvider
{
    public const string ProviderName = "built-in";
    public const string ModelName = "rules-v1";

    public string Name => ProviderName;

    public string DisplayName => "Built-in drafter (no AI)";

    public string Model => ModelName;

    public bool IsBuiltIn => true;

    public Task<Completion> CompleteAsync(DraftPrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Task.FromResult(Completion.Success(Write(prompt.Task), 0, 0));
    }

    /// <summary>The rules write instantly, so the whole text arrives as one piece.</summary>
    public async IAsyncEnumerable<CompletionUpdate> StreamAsync(DraftPrompt prompt, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var completion = await CompleteAsync(prompt, cancellationToken);
        yield return CompletionUpdate.Delta(completion.Text);
        yield return CompletionUpdate.Done(completion);
    }

    /// <summary>The rule-based answer to a task.</summary>
    public static string Write(DraftTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var voice = task.Voice;
        return task.Kind switch
        {
            DraftTaskKind.FromBrief => BriefTemplates.Draft(task.Source, voice, task.Variation, task.Tone),
            DraftTaskKind.Shorter => LengthRewriter.Shorter(task.Source, voice, task.Count),
            DraftTaskKind.Longer => LengthRewriter.Longer(task.Source, voice, task.Variation),
            DraftTaskKind.Tone => ToneRewriter.Apply(task.Source, task.Tone ?? Tone.Friendly, voice.EmojiPolicy),
            DraftTaskKind.FixGrammar => GrammarFixer.Fix(task.Source),
            DraftTaskKind.FitChannel => TextFitter.Fit(task.Source, task.MaxLength ?? int.MaxValue, task.Count, voice.RequiredDisclosures),
            DraftTaskKind.Hashtags => string.Join(' ', Hashtags.Suggest(task.Source, voice, 5)),
            _ => throw new ArgumentOutOfRangeException(nameof(task), task.Kind, "Unknown drafting task."),
        };
    }
}
