namespace Ocma.Core.Drafting;

/// <summary>Something that turns a prompt into text: a hosted model, or the built-in offline drafter.</summary>
public interface IDraftingProvider
{
    /// <summary>Stable name stored with usage, e.g. "openai-compatible", "anthropic", "built-in".</summary>
    string Name { get; }

    /// <summary>Shown to people next to every draft, e.g. "OpenAI", "Anthropic", "Built-in drafter (no AI)".</summary>
    string DisplayName { get; }

    string Model { get; }

    /// <summary>True for the offline drafter: no network, no cost, works past the budget.</summary>
    bool IsBuiltIn { get; }

    Task<Completion> CompleteAsync(DraftPrompt prompt, CancellationToken cancellationToken);

    /// <summary>
    /// The same answer as it is written: text pieces, then one final update with the whole completion (or its failure).
    /// Cancelling the token stops the provider and ends the enumeration with <see cref="OperationCanceledException"/>.
    /// </summary>
    IAsyncEnumerable<CompletionUpdate> StreamAsync(DraftPrompt prompt, CancellationToken cancellationToken);
}
