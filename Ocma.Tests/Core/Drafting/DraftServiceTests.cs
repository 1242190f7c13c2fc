using Microsoft.EntityFrameworkCore;
using Ocma.Core.Connectors;
using Ocma.Core.Drafting;
using Ocma.Tests.Fakes.Ai;

namespace Ocma.Tests.Core.Drafting;

public sealed class DraftServiceTests : IAsyncLifetime
{
    private static readonly BrandVoice Voice = new()
    {
        BrandId = DraftingHarness.BrandId, Description = "Warm, plain English, never pushy.", WordsToAvoid = ["guarantee"],
        RequiredDisclosures = ["#ad"], Hashtags = ["#AcmeCoffee"], EmojiPolicy = EmojiPolicy.None,
    };

    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartNewAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static DraftChannel Channel(int limit) =>
        new("tiny", "Tiny", content => new ContentValidation(content.Text.Length, limit, content.Text.Length > limit ? [$"{content.Text.Length - limit} characters too long."] : []));

    [Fact]
    public async Task DraftFromBriefAsync_HostedModel_ReturnsLabelledCostedDraftAndRecordsPromptOutputAndUsage()
    {
        _server.Enqueue(new FakeReply.Text("Cold brew is back in every shop. #ad", 1_000, 500));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));
        await app.SaveVoiceAsync(Voice);

        var result = await app.Get<DraftService>().DraftFromBriefAsync(DraftingHarness.Context() with { PostId = null }, "Cold brew returns Monday", null, CancellationToken.None);

        var draft = result.Value;
        Assert.Equal(("Cold brew is back in every shop. #ad", "openai-compatible", "gpt-test", 1_000, 500), (draft.Text, draft.Provider, draft.Model, draft.TokensIn, draft.TokensOut));
        Assert.Equal(0.006m, draft.Cost); // 1,000 × 2.00/M + 500 × 8.00/M
        Assert.Empty(draft.VoiceProblems);
        await using var db = await app.DbAsync();
        var usage = await db.AiUsages.SingleAsync();
        Assert.Equal(("user-1", "Ana", DraftingHarness.BrandId, "gpt-test", 0.006m, (DraftingFailureKind?)null), (usage.UserId, usage.UserName, usage.BrandId, usage.Model, usage.Cost, usage.Failure));
        var generation = await db.AiGenerations.SingleAsync();
        Assert.Equal(draft.GenerationId, generation.Id);
        Assert.Equal(draft.Text, generation.Output);
        Assert.Contains("Cold brew returns Monday", generation.Prompt, StringComparison.Ordinal);
        Assert.Contains("Warm, plain English, never pushy.", generation.Prompt, StringComparison.Ordinal);
        Assert.Equal(usage.Id, generation.AiUsageId);
    }

    [Fact]
    public async Task DraftFromBriefAsync_BrandVoice_InThePromptTheProviderReceived()
    {
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));
        await app.SaveVoiceAsync(Voice);

        await app.Get<DraftService>().DraftFromBriefAsync(DraftingHarness.Context(), "Cold brew returns Monday", Tone.Professional, CancellationToken.None);

        var (system, user) = FakeOpenAIServer.Messages(Assert.Single(_server.Journal));
        Assert.Contains("Warm, plain English, never pushy.", system, StringComparison.Ordinal);
        Assert.Contains("\"guarantee\"", system, StringComparison.Ordinal);
        Assert.Contains("\"#ad\"", system, StringComparison.Ordinal);
        Assert.Contains("#AcmeCoffee", system, StringComparison.Ordinal);
        Assert.Contains("Do not use emoji.", system, StringComparison.Ordinal);
        Assert.Contains("professional", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftFromBriefAsync_ModelUsesBannedWordAndForgetsDisclosure_FlagsBoth()
    {
        _server.Enqueue(new FakeReply.Text("We guarantee you'll love it."));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));
        await app.SaveVoiceAsync(Voice);

        var draft = (await app.Get<DraftService>().DraftFromBriefAsync(DraftingHarness.Context(), "brief", null, CancellationToken.None)).Value;

        Assert.Equal(["Remove \"guarantee\": the brand avoids it.", "Add \"#ad\": the brand requires it in every post."], draft.VoiceProblems);
    }

    [Fact]
    public async Task DraftFromBriefAsync_ProviderRefusesKey_FailureInWordsUsageRecordedNoGeneration()
    {
        var settings = DraftingHarness.OpenAI(_server);
        settings["OpenAI:ApiKey"] = "sk-wrong-000011112222";
        await using var app = await DraftingHarness.StartAsync(settings);

        var result = await app.Get<DraftService>().DraftFromBriefAsync(DraftingHarness.Context(), "brief", null, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.Auth, result.Failure?.Kind);
        await using var db = await app.DbAsync();
        Assert.Equal(DraftingFailureKind.Auth, (await db.AiUsages.SingleAsync()).Failure);
        Assert.Empty(await db.AiGenerations.ToListAsync());
    }

    [Fact]
    public async Task DraftFromBriefAsync_NothingConfigured_BuiltInDrafterLabelledAndFree()
    {
        await using var app = await DraftingHarness.StartAsync();
        await app.SaveVoiceAsync(Voice);

        var draft = (await app.Get<DraftService>().DraftFromBriefAsync(DraftingHarness.Context(), "cold brew returns monday", null, CancellationToken.None)).Value;

        Assert.Equal(("built-in", "rules-v1", "Built-in drafter (no AI)", 0m), (draft.Provider, draft.Model, draft.ProviderDisplayName, draft.Cost));
        Assert.Equal(new DraftingProviderInfo("built-in", "Built-in drafter (no AI)", "rules-v1", true), app.Get<DraftService>().CurrentProvider);
        Assert.True(draft.IsBuiltIn);
        Assert.Equal("Cold brew returns monday. #ad\n\n#AcmeCoffee", draft.Text);
        await using var db = await app.DbAsync();
        Assert.Equal("built-in", (await db.AiUsages.SingleAsync()).Provider);
    }

    [Fact]
    public async Task VariantsAsync_ModelOvershootsTwice_AsksAgainFirmlyThenTrimsAndSaysSo()
    {
        var tooLong = "Cold brew is back in every shop from Monday. We brew it for twenty hours. Try it with oat milk. #ad";
        _server.Enqueue(new FakeReply.Text(tooLong), new FakeReply.Text(tooLong));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));
        await app.SaveVoiceAsync(Voice);

        var result = await app.Get<DraftService>().VariantsAsync(DraftingHarness.Context(), "Cold brew is back", [Channel(60)], CancellationToken.None);

        var variant = Assert.Single(result.Value);
        Assert.Equal("Cold brew is back in every shop from Monday. #ad", variant.Draft.Text);
        Assert.True(variant.Validation.IsValid);
        Assert.Equal(2, _server.Journal.Count);
        Assert.Contains("This is a hard limit", FakeOpenAIServer.Messages(_server.Journal[1]).User, StringComparison.Ordinal);
        Assert.Equal(2, variant.Draft.Notes.Count);
        Assert.Contains("trimmed it", variant.Draft.Notes[1], StringComparison.Ordinal);
        Assert.Equal(240, variant.Draft.TokensIn);
    }

    [Fact]
    public async Task VariantsAsync_ModelFitsOnSecondTry_UsesItsTextUntrimmed()
    {
        _server.Enqueue(new FakeReply.Text(new string('x', 80)), new FakeReply.Text("Cold brew is back. #ad"));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var variant = (await app.Get<DraftService>().VariantsAsync(DraftingHarness.Context(), "Cold brew", [Channel(60)], CancellationToken.None)).Value[0];

        Assert.Equal("Cold brew is back. #ad", variant.Draft.Text);
        Assert.Single(variant.Draft.Notes);
    }

    [Fact]
    public async Task VariantsAsync_BuiltIn_FitsEachChannelByItsOwnCounting()
    {
        await using var app = await DraftingHarness.StartAsync();
        var text = "Read it: https://example.com/a/very/long/path/that/is/much/longer/than/twenty/three. Then tell us what you think.";
        var linkCounted = new DraftChannel("links", "Links", c => new ContentValidation(TextCounter.GraphemesWithFixedUrls(c.Text, 23), 45, []));

        var variants = (await app.Get<DraftService>().VariantsAsync(DraftingHarness.Context(), text, [linkCounted, Channel(20)], CancellationToken.None)).Value;

        Assert.Equal("Read it: https://example.com/a/very/long/path/that/is/much/longer/than/twenty/three.", variants[0].Draft.Text);
        Assert.Equal("Read it…", variants[1].Draft.Text);
        Assert.All(variants, v => Assert.True(v.Validation.Length <= v.Validation.MaxLength));
    }

    [Fact]
    public async Task AlternativesAsync_Three_EachPromptAsksForADifferentAngle()
    {
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var drafts = (await app.Get<DraftService>().AlternativesAsync(DraftingHarness.Context(), "Cold brew", 3, null, CancellationToken.None)).Value;

        Assert.Equal(3, drafts.Count);
        var users = _server.Journal.Select(j => FakeOpenAIServer.Messages(j).User).ToList();
        Assert.DoesNotContain("alternative", users[0], StringComparison.Ordinal);
        Assert.Contains("alternative 2", users[1], StringComparison.Ordinal);
        Assert.Contains("alternative 3", users[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlternativesAsync_BuiltIn_DistinctDrafts()
    {
        await using var app = await DraftingHarness.StartAsync();

        var drafts = (await app.Get<DraftService>().AlternativesAsync(DraftingHarness.Context(), "cold brew is back", 3, null, CancellationToken.None)).Value;

        Assert.Equal(3, drafts.Select(d => d.Text).Distinct().Count());
    }

    [Fact]
    public async Task SuggestHashtagsAsync_ModelReply_ParsedNormalisedWithoutBannedWords()
    {
        _server.Enqueue(new FakeReply.Text("#AcmeCoffee #ColdBrew guarantee Porto #coldbrew"));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));
        await app.SaveVoiceAsync(Voice);

        var tags = (await app.Get<DraftService>().SuggestHashtagsAsync(DraftingHarness.Context(), "Cold brew in Porto", CancellationToken.None)).Value;

        Assert.Equal(["#AcmeCoffee", "#ColdBrew", "#Porto"], tags);
    }

    [Fact]
    public async Task DraftFromBriefAsync_ForAPost_GenerationTiedToThePost()
    {
        await using var app = await DraftingHarness.StartAsync();
        int postId;
        await using (var db = await app.DbAsync())
        {
            var post = new Ocma.Core.Posts.Post { BrandId = DraftingHarness.BrandId, Text = "", AuthorId = "user-1", AuthorName = "Ana" };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            postId = post.Id;
        }

        await app.Get<DraftService>().DraftFromBriefAsync(DraftingHarness.Context() with { PostId = postId }, "cold brew", null, CancellationToken.None);

        await using var check = await app.DbAsync();
        Assert.Equal(postId, (await check.AiGenerations.SingleAsync()).PostId);
    }

    [Fact]
    public void SplitIntoThread_LongText_NumberedPostsWithinTheChannelLimit()
    {
        var text = string.Join(' ', Enumerable.Range(1, 12).Select(i => $"Point {i} matters."));

        var posts = DraftService.SplitIntoThread(text, Channel(60));

        Assert.Equal(4, posts.Count);
        Assert.Equal("Point 1 matters. Point 2 matters. Point 3 matters. 1/4", posts[0]);
        Assert.All(posts, p => Assert.True(p.Length <= 60));
    }

    [Fact]
    public async Task AddBrandHashtagsAsync_LimitedRoom_AddsOnlyWhatFits()
    {
        await using var app = await DraftingHarness.StartAsync();
        await app.SaveVoiceAsync(new BrandVoice { BrandId = DraftingHarness.BrandId, Hashtags = ["#AcmeCoffee", "#Porto"] });

        var text = await app.Get<DraftService>().AddBrandHashtagsAsync(DraftingHarness.BrandId, "Cold brew is back.", Channel(32), 3, CancellationToken.None);

        Assert.Equal("Cold brew is back.\n\n#AcmeCoffee", text);
    }

    [Fact]
    public async Task DraftFromBriefAsync_Viewer_RefusedWithoutCallingTheProviderOrRecording()
    {
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var result = await app.Get<DraftService>().DraftFromBriefAsync(new DraftContext(DraftingHarness.Viewer, DraftingHarness.BrandId), "brief", null, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.NotAllowed, result.Failure?.Kind);
        Assert.Equal("Your role cannot draft posts. Ask an Admin for the Contributor or Editor role.", result.Failure!.Message);
        Assert.Empty(_server.Journal);
        await using var db = await app.DbAsync();
        Assert.Empty(await db.AiUsages.ToListAsync());
    }

    [Fact]
    public async Task RewriteAsync_BuiltInTone_RewritesAndRecords()
    {
        await using var app = await DraftingHarness.StartAsync();

        var draft = (await app.Get<DraftService>().RewriteAsync(DraftingHarness.Context(), "We are open late!!!", RewriteKind.Tone, Tone.Professional, CancellationToken.None)).Value;

        Assert.Equal("We are open late.", draft.Text);
        await using var db = await app.DbAsync();
        Assert.Equal(DraftTaskKind.Tone, (await db.AiGenerations.SingleAsync()).Kind);
    }
}
