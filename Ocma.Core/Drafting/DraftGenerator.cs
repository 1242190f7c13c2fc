using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ocma.Core.Data;

namespace Ocma.Core.Drafting;

/// <summary>One generation: checks the budget, calls the provider, and records the usage (always) and the prompt and output (on success).</summary>
public sealed partial class DraftGenerator(
    DraftingProviders providers,
    BudgetService budgets,
    PriceTable prices,
    IDbContextFactory<OcmaDbContext> dbFactory,
    IOptionsMonitor<DraftingOptions> options,
    TimeProvider time,
    ILogger<DraftGenerator> logger)
{
    public sealed record Outcome(Draft? Draft, DraftingFailure? Failure, BudgetStatus? Budget);

    public bool UsesBuiltIn(DraftContext context) => providers.For(context).IsBuiltIn;

    public async Task<Outcome> GenerateAsync(DraftContext context, DraftTask task, CancellationToken cancellationToken, string? channelName = null, int? previousLength = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(task);
        if (!context.Actor.CanCompose || context.Actor.UserId is null)
        {
            return new Outcome(null, DraftingMessages.NotAllowed, null);
        }

        var provider = providers.For(context);
        BudgetStatus? budget = null;
        if (!provider.IsBuiltIn)
        {
            budget = await budgets.GetStatusAsync(context.BrandId, cancellationToken);
            if (budget.IsExhausted)
            {
                LogBudgetStop(logger, context.BrandId, budget.Spent, budget.Limit);
                return new Outcome(null, new DraftingFailure(DraftingFailureKind.BudgetExhausted, budget.Message!), budget);
            }
        }

        var prompt = PromptBuilder.Build(task, options.CurrentValue.MaxOutputTokens, channelName, previousLength);
        var started = time.GetTimestamp();
        var completion = await provider.CompleteAsync(prompt, cancellationToken);
        var latency = time.GetElapsedTime(started);
        var text = Tidy(completion.Text);
        var cost = provider.IsBuiltIn ? 0m : prices.Cost(provider.Model, completion.TokensIn, completion.TokensOut);
        var now = time.GetUtcNow().UtcDateTime;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var usage = new AiUsage
        {
            AtUtc = now, UserId = context.UserId, UserName = context.UserName, BrandId = context.BrandId, Provider = provider.Name,
            Model = provider.Model, TokensIn = completion.TokensIn, TokensOut = completion.TokensOut, Cost = cost,
            LatencyMs = (int)Math.Min(int.MaxValue, latency.TotalMilliseconds), Failure = completion.Failure?.Kind,
        };
        db.AiUsages.Add(usage);
        await db.SaveChangesAsync(cancellationToken);
        LogCall(logger, task.Kind, provider.Name, provider.Model, context.BrandId, completion.Failure?.Kind.ToString() ?? "ok", usage.LatencyMs, completion.TokensIn, completion.TokensOut);
        if (budget is not null)
        {
            budget = budget with { Spent = budget.Spent + cost };
        }

        if (completion.Failure is { } failure)
        {
            return new Outcome(null, failure, budget);
        }

        var generation = new AiGeneration
        {
            AtUtc = now, UserId = context.UserId, BrandId = context.BrandId, PostId = context.PostId, Kind = task.Kind, Provider = provider.Name,
            Model = provider.Model, Prompt = $"SYSTEM:\n{prompt.System}\n\nUSER:\n{prompt.User}", Output = text,
            TokensIn = completion.TokensIn, TokensOut = completion.TokensOut, Cost = cost, AiUsageId = usage.Id,
        };
        db.AiGenerations.Add(generation);
        await db.SaveChangesAsync(cancellationToken);

        var notes = new List<string>();
        if (!provider.IsBuiltIn && !prices.IsPriced(provider.Model))
        {
            notes.Add($"No price is configured for the model {provider.Model}, so its cost shows as 0.");
        }

        var draft = new Draft(text, provider.Name, provider.DisplayName, provider.Model, completion.TokensIn, completion.TokensOut, cost,
            notes, VoiceCheck.Check(text, task.Voice), generation.Id);
        return new Outcome(draft, null, budget);
    }

    /// <summary>Removes what models like to wrap a post in: surrounding quotes and blank lines.</summary>
    private static string Tidy(string text)
    {
        var t = text.Trim();
        if (t.Length >= 2 && ((t[0] == '"' && t[^1] == '"') || (t[0] == '“' && t[^1] == '”')))
        {
            t = t[1..^1].Trim();
        }

        return t;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drafting {Kind} by {Provider}/{Model} for brand {BrandId}: {Outcome} in {LatencyMs} ms, {TokensIn}+{TokensOut} tokens")]
    private static partial void LogCall(ILogger logger, DraftTaskKind kind, string provider, string model, int brandId, string outcome, int latencyMs, int tokensIn, int tokensOut);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drafting for brand {BrandId} stopped: monthly budget spent ({Spent} of {Limit})")]
    private static partial void LogBudgetStop(ILogger logger, int brandId, decimal spent, decimal limit);
}
