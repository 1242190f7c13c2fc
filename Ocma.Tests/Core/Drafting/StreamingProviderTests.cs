using System.Text.Json;
using Ocma.Core.Drafting;
using Ocma.Tests.Fakes.Ai;

namespace Ocma.Tests.Core.Drafting;

/// <summary>Both hosted providers streaming real server-sent events from the fakes: text in pieces, tokens from the stream, failures classified.</summary>
public sealed class StreamingProviderTests : IAsyncLifetime
{
    private static readonly DraftPrompt Prompt = PromptBuilder.Build(new DraftTask(DraftTaskKind.FromBrief, "Spring range launch", BrandVoice.Default(1)), 300);
    private FakeOpenAIServer _openAI = null!;
    private FakeAnthropicServer _anthropic = null!;

    public async Task InitializeAsync()
    {
        _openAI = await FakeOpenAIServer.StartNewAsync();
        _anthropic = await FakeAnthropicServer.StartNewAsync();
    }

    public async Task DisposeAsync()
    {
        await _openAI.DisposeAsync();
        await _anthropic.DisposeAsync();
    }

    [Fact]
    public async Task OpenAI_Stream_TextArrivesWordByWordAndTokensComeFromTheStream()
    {
        _openAI.Enqueue(new FakeReply.Text("Our spring range is here, in every shop.", 321, 45));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_openAI));

        var (pieces, final) = await CollectAsync(app.Get<OpenAICompatibleProvider>());

        Assert.Equal(["Our", " spring", " range", " is", " here,", " in", " every", " shop."], pieces);
        Assert.True(final.Succeeded, final.Failure?.Message);
        Assert.Equal(("Our spring range is here, in every shop.", 321, 45), (final.Text, final.TokensIn, final.TokensOut));
        using var body = JsonDocument.Parse(Assert.Single(_openAI.Journal).Body);
        Assert.True(body.RootElement.GetProperty("stream").GetBoolean());
        Assert.Equal(300, body.RootElement.GetProperty("max_tokens").GetInt32());
    }

    [Fact]
    public async Task Anthropic_Stream_TextArrivesWordByWordAndTokensComeFromTheStream()
    {
        _anthropic.Enqueue(new FakeReply.Text("Spring range, shorter and sweeter.", 210, 12));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.Anthropic(_anthropic));

        var (pieces, final) = await CollectAsync(app.Get<AnthropicProvider>());

        Assert.Equal(["Spring", " range,", " shorter", " and", " sweeter."], pieces);
        Assert.Equal(("Spring range, shorter and sweeter.", 210, 12), (final.Text, final.TokensIn, final.TokensOut));
        using var body = JsonDocument.Parse(Assert.Single(_anthropic.Journal).Body);
        Assert.True(body.RootElement.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task OpenAI_Stream_KeyRefused_NoTextAndAuthInWords()
    {
        var settings = DraftingHarness.OpenAI(_openAI);
        settings["OpenAI:ApiKey"] = "sk-wrong-key-77778888";
        await using var app = await DraftingHarness.StartAsync(settings);

        var (pieces, final) = await CollectAsync(app.Get<OpenAICompatibleProvider>());

        Assert.Empty(pieces);
        Assert.Equal(DraftingFailureKind.Auth, final.Failure?.Kind);
        Assert.DoesNotContain("7777", final.Failure!.Message + app.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anthropic_Stream_RateLimitedOnceThenStreams()
    {
        _anthropic.Enqueue(new FakeReply.Error(429, "rate_limit_error", "Slow down", RetryAfterMs: "50"), new FakeReply.Text("After the wait."));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.Anthropic(_anthropic));

        var (pieces, final) = await CollectAsync(app.Get<AnthropicProvider>());

        Assert.Equal("After the wait.", string.Concat(pieces));
        Assert.True(final.Succeeded, final.Failure?.Message);
        Assert.Equal(2, _anthropic.Journal.Count);
    }

    [Fact]
    public async Task BothProviders_StreamedRefusal_ContentFiltered()
    {
        _openAI.Enqueue(new FakeReply.Refusal());
        _anthropic.Enqueue(new FakeReply.Refusal());
        await using var openAI = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_openAI));
        await using var anthropic = await DraftingHarness.StartAsync(DraftingHarness.Anthropic(_anthropic));

        Assert.Equal(DraftingFailureKind.ContentFiltered, (await CollectAsync(openAI.Get<OpenAICompatibleProvider>())).Final.Failure?.Kind);
        Assert.Equal(DraftingFailureKind.ContentFiltered, (await CollectAsync(anthropic.Get<AnthropicProvider>())).Final.Failure?.Kind);
    }

    private static async Task<(List<string> Pieces, Completion Final)> CollectAsync(IDraftingProvider provider)
    {
        var pieces = new List<string>();
        Completion? final = null;
        await foreach (var update in provider.StreamAsync(Prompt, CancellationToken.None))
        {
            Assert.Null(final); // nothing after the final update
            if (update.Final is { } done)
            {
                final = done;
            }
            else
            {
                pieces.Add(update.TextDelta);
            }
        }

        return (pieces, final ?? throw new Xunit.Sdk.XunitException("The stream ended without a final update."));
    }
}
