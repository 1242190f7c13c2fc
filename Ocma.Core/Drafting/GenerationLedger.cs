using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ocma.Core.Data;

namespace Ocma.Core.Drafting;

/// <summary>Records what a provider call cost (always) and what it wrote (on success), and turns the answer into a <see cref="Draft"/>.</summary>
public sealed partial class GenerationLedger(IDbContextFactory<OcmaDbContext> dbFactory, PriceTable prices, TimeProvider time, ILogger<GenerationLedger> logger)
{
    public async Task<DraftGenerator.Outcome> RecordAsync(
        DraftContext context, DraftTask task, IDraftingProvider provider, DraftPrompt prompt, Completion completion, TimeSpan latency,
        BudgetStatus? budget, CancellationToken cancellationToken)
    {
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
            return new DraftGenerator.Outcome(null, failure, budget);
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
        return new DraftGenerator.Outcome(draft, null, budget);
    }

    /// <summary>
    /// A draft stopped by the person while it was being written: the provider has already spent tokens on it, so the usage is
    /// recorded (estimated from the prompt and the text so far) even though the caller's token is cancelled.
    /// </summary>
    public Task RecordStoppedAsync(DraftContext context, DraftTask task, IDraftingProvider provider, DraftPrompt prompt, string textSoFar, TimeSpan latency) =>
        RecordAsync(context, task, provider, prompt,
            new Completion(textSoFar, ProviderHttp.EstimateTokens(prompt.System + prompt.User), ProviderHttp.EstimateTokens(textSoFar),
                new DraftingFailure(DraftingFailureKind.Stopped, "Stopped while it was being written.")),
            latency, null, CancellationToken.None);

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
}
