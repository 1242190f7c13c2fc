using System.Text.Json;
using Ocma.Core.Drafting;
using Ocma.Tests.Fakes.Ai;

namespace Ocma.Tests.Core.Drafting;

public sealed class AnthropicProviderTests : IAsyncLifetime
{
    private static readonly DraftPrompt Prompt = PromptBuilder.Build(new DraftTask(DraftTaskKind.Shorter, "A long post about our spring range.", BrandVoice.Default(1)), 256);
    private FakeAnthropicServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAnthropicServer.StartNewAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CompleteAsync_Success_MapsTextAndTokensAndSendsHeadersAndMaxTokens()
    {
        _server.Enqueue(new FakeReply.Text("Spring range, shorter.", 210, 12));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.Anthropic(_server));

        var result = await app.Get<AnthropicProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(("Spring range, shorter.", 210, 12), (result.Text, result.TokensIn, result.TokensOut));
        var request = Assert.Single(_server.Journal);
        // Anthropic's SDK sends the key as a bearer token and the API version it was built for.
        Assert.Equal($"Bearer {_server.ExpectedKey}", request.Header("authorization"));
        Assert.Null(request.Header("x-api-key"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", request.Header("anthropic-version"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(256, body.RootElement.GetProperty("max_tokens").GetInt32());
        Assert.Equal("claude-test", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(Prompt.System, FakeAnthropicServer.Text(body.RootElement.GetProperty("system")));
        Assert.Equal("user", body.RootElement.GetProperty("messages")[0].GetProperty("role").GetString());
        Assert.Equal(Prompt.User, FakeAnthropicServer.Text(body.RootElement.GetProperty("messages")[0].GetProperty("content")));
    }

    [Fact]
    public async Task CompleteAsync_KeyRefused_AuthAndNotRetried()
    {
        var settings = DraftingHarness.Anthropic(_server);
        settings["Anthropic:ApiKey"] = "sk-ant-wrong-55556666";
        await using var app = await DraftingHarness.StartAsync(settings);

        var result = await app.Get<AnthropicProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.Auth, result.Failure?.Kind);
        Assert.Equal("The Anthropic key was refused: an Admin should replace it under Admin → Secrets.", result.Failure!.Message);
        Assert.Single(_server.Journal);
        Assert.DoesNotContain("5555", app.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteAsync_Overloaded529EveryTime_UnavailableAfterRetries()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.Enqueue(new FakeReply.Error(529, "overloaded_error", "Overloaded"));
        }

        await using var app = await DraftingHarness.StartAsync(DraftingHarness.Anthropic(_server));

        var result = await app.Get<AnthropicProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.Unavailable, result.Failure?.Kind);
        Assert.Equal("overloaded_error", result.Failure!.ProviderCode);
        Assert.Equal(3, _server.Journal.Count);
    }

    [Fact]
    public async Task CompleteAsync_RateLimitedWithRetryAfterSeconds_WaitsThenSucceeds()
    {
        _server.Enqueue(new FakeReply.Error(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit", RetryAfter: "1"), new FakeReply.Text("Done."));
        var settings = DraftingHarness.Anthropic(_server);
        settings["RetryBaseDelay"] = "00:00:00";
        await using var app = await DraftingHarness.StartAsync(settings);

        var result = await app.Get<AnthropicProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal("Done.", result.Text);
        var journal = _server.Journal;
        Assert.Equal(2, journal.Count);
        Assert.InRange((journal[1].At - journal[0].At).TotalMilliseconds, 950, 5_000);
    }

    [Fact]
    public async Task CompleteAsync_RefusalStopReason_ContentFilteredAndNotRetried()
    {
        _server.Enqueue(new FakeReply.Refusal());
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.Anthropic(_server));

        var result = await app.Get<AnthropicProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.ContentFiltered, result.Failure?.Kind);
        Assert.Equal("Anthropic's safety filter declined this request. Rephrase the brief, or write this one by hand.", result.Failure!.Message);
        Assert.Single(_server.Journal);
    }

    [Fact]
    public async Task CompleteAsync_MalformedJson_BadResponse()
    {
        _server.Enqueue(new FakeReply.Malformed("<html>502 from a proxy</html>"));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.Anthropic(_server));

        var result = await app.Get<AnthropicProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.BadResponse, result.Failure?.Kind);
    }

    [Fact]
    public async Task CompleteAsync_MissingFields_BadResponse()
    {
        _server.Enqueue(new FakeReply.MissingFields());
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.Anthropic(_server));

        var result = await app.Get<AnthropicProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.BadResponse, result.Failure?.Kind);
    }

    [Fact]
    public async Task CompleteAsync_CreditBalanceTooLow_QuotaExceeded()
    {
        _server.Enqueue(new FakeReply.Error(400, "invalid_request_error", "Your credit balance is too low to access the Anthropic API."));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.Anthropic(_server));

        var result = await app.Get<AnthropicProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.QuotaExceeded, result.Failure?.Kind);
        Assert.Single(_server.Journal);
    }

    [Fact]
    public async Task CompleteAsync_SlowerThanTimeout_Timeout()
    {
        _server.Enqueue(new FakeReply.Slow(TimeSpan.FromSeconds(10)));
        var settings = DraftingHarness.Anthropic(_server);
        settings["Timeout"] = "00:00:01";
        await using var app = await DraftingHarness.StartAsync(settings);

        var result = await app.Get<AnthropicProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.Timeout, result.Failure?.Kind);
        Assert.Equal("Anthropic did not answer within 1 second. Try again, or use the built-in drafter.", result.Failure!.Message);
        Assert.Single(_server.Journal);
    }

    [Fact]
    public async Task CompleteAsync_AnyFailure_KeyNeverLogged()
    {
        _server.Enqueue(new FakeReply.Error(500, "api_error", "Internal server error"), new FakeReply.Error(529, "overloaded_error", "Overloaded"), new FakeReply.Refusal());
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.Anthropic(_server));

        var result = await app.Get<AnthropicProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.ContentFiltered, result.Failure?.Kind);
        Assert.Contains(app.Logs.Lines, l => l.Contains("retry", StringComparison.Ordinal));
        Assert.DoesNotContain(_server.ExpectedKey, app.Logs.All, StringComparison.Ordinal);
    }
}
