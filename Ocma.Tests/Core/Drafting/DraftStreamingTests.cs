using Microsoft.EntityFrameworkCore;
using Ocma.Core.Drafting;
using Ocma.Tests.Fakes.Ai;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Drafting;

/// <summary>The composer's streamed draft: it grows as the model writes, ends costed and recorded, and stops when asked.</summary>
public sealed class DraftStreamingTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartNewAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task StreamFromBrief_HostedModel_GrowsThenFinishesWithACostedRecordedDraft()
    {
        _server.Enqueue(new FakeReply.Text("\"Cold brew is back in every shop. #ad\"", 1_000, 500));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var updates = await CollectAsync(app.Get<DraftService>().StreamFromBriefAsync(DraftingHarness.Context(), "Cold brew returns Monday", null, CancellationToken.None));

        Assert.True(updates.Count > 3, $"{updates.Count} updates");
        Assert.All(updates.SkipLast(1), u => Assert.False(u.IsFinished));
        Assert.All(updates.Zip(updates.Skip(1).SkipLast(1)), pair => Assert.StartsWith(pair.First.Text, pair.Second.Text, StringComparison.Ordinal));
        var draft = updates[^1].Result!.Value;
        Assert.Equal(("Cold brew is back in every shop. #ad", 1_000, 500, 0.006m), (draft.Text, draft.TokensIn, draft.TokensOut, draft.Cost));
        Assert.Equal(draft.Text, updates[^1].Text);
        await using var db = await app.DbAsync();
        var usage = await db.AiUsages.SingleAsync();
        Assert.Equal((1_000, 500, 0.006m, (DraftingFailureKind?)null), (usage.TokensIn, usage.TokensOut, usage.Cost, usage.Failure));
        Assert.Equal(draft.GenerationId, (await db.AiGenerations.SingleAsync()).Id);
    }

    [Fact]
    public async Task StreamFromBrief_StoppedMidway_EndsWithCancellationRecordsTheCostSoFarAndHangsUp()
    {
        var words = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"word{i}"));
        _server.Enqueue(new FakeReply.Text(words, 400, 90, Gap: TimeSpan.FromMilliseconds(150)));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));
        using var stop = new CancellationTokenSource();
        var seen = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in app.Get<DraftService>().StreamFromBriefAsync(DraftingHarness.Context(), "Thirty words", null, stop.Token))
            {
                seen.Add(update.Text);
                if (seen.Count == 3)
                {
                    await stop.CancelAsync(); // the Stop button
                }
            }
        });

        Assert.Equal("word1 word2 word3", seen[^1]);
        await using var db = await app.DbAsync();
        var usage = await db.AiUsages.SingleAsync();
        Assert.Equal(DraftingFailureKind.Stopped, usage.Failure);
        Assert.InRange(usage.TokensOut, 1, 10); // estimated from the three words written, not the 90 a full answer costs
        Assert.True(usage.Cost > 0);
        Assert.Empty(await db.AiGenerations.ToListAsync());
        await Eventually.MatchesAsync(() => Task.FromResult(_server.StreamsAbandoned), n => n == 1, TimeSpan.FromSeconds(5), "the fake to see the connection closed");
    }

    [Fact]
    public async Task StreamFromBrief_BudgetSpent_OneFinishedUpdateWithTheReasonAndNoCall()
    {
        var settings = DraftingHarness.OpenAI(_server);
        settings["DefaultMonthlyBudget"] = "0";
        await using var app = await DraftingHarness.StartAsync(settings);

        var updates = await CollectAsync(app.Get<DraftService>().StreamFromBriefAsync(DraftingHarness.Context(), "Anything", null, CancellationToken.None));

        var only = Assert.Single(updates);
        Assert.Equal(DraftingFailureKind.BudgetExhausted, only.Result!.Failure?.Kind);
        Assert.Empty(_server.Journal);
    }

    [Fact]
    public async Task StreamFromBrief_BuiltInDrafter_FinishesWithItsLabelledDraft()
    {
        await using var app = await DraftingHarness.StartAsync();

        var updates = await CollectAsync(app.Get<DraftService>().StreamFromBriefAsync(DraftingHarness.Context(), "Cold brew returns Monday", null, CancellationToken.None));

        var draft = updates[^1].Result!.Value;
        Assert.True(draft.IsBuiltIn);
        Assert.Equal(draft.Text, updates[^1].Text);
        Assert.Empty(_server.Journal);
    }

    private static async Task<List<DraftStreamUpdate>> CollectAsync(IAsyncEnumerable<DraftStreamUpdate> stream)
    {
        var updates = new List<DraftStreamUpdate>();
        await foreach (var update in stream)
        {
            updates.Add(update);
        }

        return updates;
    }
}
