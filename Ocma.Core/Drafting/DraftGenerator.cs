using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ocma.Core.Drafting;

/// <summary>One generation: checks the role and the budget, calls the provider (whole or streamed), and has the ledger record it.</summary>
public sealed partial class DraftGenerator(
    DraftingProviders providers,
    BudgetService budgets,
    GenerationLedger ledger,
    IOptionsMonitor<DraftingOptions> options,
    TimeProvider time,
    ILogger<DraftGenerator> logger)
{
    public sealed record Outcome(Draft? Draft, DraftingFailure? Failure, BudgetStatus? Budget);

    /// <summary>One step of a streamed generation: the text so far, and on the last step the outcome.</summary>
    public sealed record Step(string Text, Outcome? Final);

    public bool UsesBuiltIn(DraftContext context) => providers.For(context).IsBuiltIn;

    public async Task<Outcome> GenerateAsync(DraftContext context, DraftTask task, CancellationToken cancellationToken, string? channelName = null, int? previousLength = null)
    {
        var (provider, budget, refusal) = await PrepareAsync(context, task, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var prompt = PromptBuilder.Build(task, options.CurrentValue.MaxOutputTokens, channelName, previousLength);
        var started = time.GetTimestamp();
        var completion = await provider.CompleteAsync(prompt, cancellationToken);
        return await ledger.RecordAsync(context, task, provider, prompt, completion, time.GetElapsedTime(started), budget, cancellationToken);
    }

    /// <summary>
    /// The same generation, streamed: a step per piece of text as the model writes it, then a last step with the outcome
    /// (recorded like <see cref="GenerateAsync"/>). Cancelling stops the provider's answer, records what it cost so far, and
    /// ends the enumeration with <see cref="OperationCanceledException"/>.
    /// </summary>
    public async IAsyncEnumerable<Step> StreamAsync(DraftContext context, DraftTask task, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (provider, budget, refusal) = await PrepareAsync(context, task, cancellationToken);
        if (refusal is not null)
        {
            yield return new Step("", refusal);
            yield break;
        }

        var prompt = PromptBuilder.Build(task, options.CurrentValue.MaxOutputTokens);
        var started = time.GetTimestamp();
        var text = new StringBuilder();
        Completion? completion = null;
        await using (var updates = provider.StreamAsync(prompt, cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            while (completion is null)
            {
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    await ledger.RecordStoppedAsync(context, task, provider, prompt, text.ToString(), time.GetElapsedTime(started));
                    throw;
                }

                completion = updates.Current.Final;
                if (updates.Current.TextDelta is { Length: > 0 } piece)
                {
                    text.Append(piece);
                    yield return new Step(text.ToString(), null);
                }
            }
        }

        completion ??= Completion.Fail(DraftingMessages.BadResponse(provider.DisplayName, "the answer ended before it was complete"));
        var outcome = await ledger.RecordAsync(context, task, provider, prompt, completion, time.GetElapsedTime(started), budget, cancellationToken);
        yield return new Step(outcome.Draft?.Text ?? text.ToString(), outcome);
    }

    private async Task<(IDraftingProvider Provider, BudgetStatus? Budget, Outcome? Refusal)> PrepareAsync(DraftContext context, DraftTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(task);
        var provider = providers.For(context);
        if (!context.Actor.CanCompose || context.Actor.UserId is null)
        {
            return (provider, null, new Outcome(null, DraftingMessages.NotAllowed, null));
        }

        if (provider.IsBuiltIn)
        {
            return (provider, null, null);
        }

        var budget = await budgets.GetStatusAsync(context.BrandId, cancellationToken);
        if (budget.IsExhausted)
        {
            LogBudgetStop(logger, context.BrandId, budget.Spent, budget.Limit);
            return (provider, budget, new Outcome(null, new DraftingFailure(DraftingFailureKind.BudgetExhausted, budget.Message!), budget));
        }

        return (provider, budget, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drafting for brand {BrandId} stopped: monthly budget spent ({Spent} of {Limit})")]
    private static partial void LogBudgetStop(ILogger logger, int brandId, decimal spent, decimal limit);
}
