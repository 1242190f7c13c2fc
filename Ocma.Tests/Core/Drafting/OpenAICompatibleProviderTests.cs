using System.Diagnostics;
using System.Text.Json;
using Ocma.Core.Drafting;
using Ocma.Core.Secrets;
using Ocma.Tests.Fakes.Ai;

namespace Ocma.Tests.Core.Drafting;

public sealed class OpenAICompatibleProviderTests : IAsyncLifetime
{
    private static readonly DraftPrompt Prompt = PromptBuilder.Build(new DraftTask(DraftTaskKind.FromBrief, "Spring range launch", BrandVoice.Default(1)), 300);
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartNewAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CompleteAsync_Success_MapsTextAndTokensAndSendsModelAndBearerKey()
    {
        _server.Enqueue(new FakeReply.Text("Our spring range is here.", 321, 45));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(("Our spring range is here.", 321, 45), (result.Text, result.TokensIn, result.TokensOut));
        var request = Assert.Single(_server.Journal);
        Assert.Equal($"Bearer {_server.ExpectedKey}", request.Header("authorization"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("gpt-test", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(300, body.RootElement.GetProperty("max_tokens").GetInt32());
        Assert.Equal((Prompt.System, Prompt.User), FakeOpenAIServer.Messages(request));
    }

    [Fact]
    public async Task CompleteAsync_KeyRefused_AuthInWordsAndNotRetried()
    {
        var settings = DraftingHarness.OpenAI(_server);
        settings["OpenAI:ApiKey"] = "sk-wrong-key-77778888";
        await using var app = await DraftingHarness.StartAsync(settings);

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.Auth, result.Failure?.Kind);
        Assert.Equal("The OpenAI key was refused: an Admin should replace it under Admin → Secrets.", result.Failure!.Message);
        Assert.Single(_server.Journal);
        Assert.DoesNotContain("7777", result.Failure.Message + app.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteAsync_RateLimitedWithShortRetryAfter_WaitsThatLongThenSucceeds()
    {
        _server.Enqueue(new FakeReply.Error(429, "requests", "Rate limit reached for gpt-test.", "rate_limit_exceeded", RetryAfterMs: "400"), new FakeReply.Text("After the wait."));
        var settings = DraftingHarness.OpenAI(_server);
        settings["RetryBaseDelay"] = "00:00:00"; // so only the provider's retry-after can explain the wait
        await using var app = await DraftingHarness.StartAsync(settings);

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal("After the wait.", result.Text);
        var journal = _server.Journal;
        Assert.Equal(2, journal.Count);
        Assert.InRange((journal[1].At - journal[0].At).TotalMilliseconds, 380, 5_000);
    }

    [Fact]
    public async Task CompleteAsync_RetryAfterLongerThanCap_NotRetriedAndSaysWhenToTryAgain()
    {
        _server.Enqueue(new FakeReply.Error(429, "requests", "Rate limit reached.", "rate_limit_exceeded", RetryAfter: "120"));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.RateLimited, result.Failure?.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), result.Failure!.RetryAfter);
        Assert.Equal("OpenAI is receiving too many requests. Try again in 120 seconds.", result.Failure.Message);
        Assert.Single(_server.Journal);
    }

    [Fact]
    public async Task CompleteAsync_InsufficientQuota_QuotaExceededAndNotRetried()
    {
        _server.Enqueue(new FakeReply.Error(429, "insufficient_quota", "You exceeded your current quota, please check your plan and billing details.", "insufficient_quota"));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.QuotaExceeded, result.Failure?.Kind);
        Assert.Contains("run out of credit", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Single(_server.Journal);
    }

    [Fact]
    public async Task CompleteAsync_ServerErrorEveryTime_UnavailableAfterAllRetries()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.Enqueue(new FakeReply.Error(500, "server_error", "The server had an error while processing your request."));
        }

        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.Unavailable, result.Failure?.Kind);
        Assert.Equal("OpenAI is unavailable or overloaded right now. Try again in a few minutes, or use the built-in drafter.", result.Failure!.Message);
        Assert.Equal(3, _server.Journal.Count);
    }

    [Fact]
    public async Task CompleteAsync_ServerErrorOnce_RetriedAndSucceeds()
    {
        _server.Enqueue(new FakeReply.Error(502, "server_error", "Bad gateway"), new FakeReply.Text("Second time lucky."));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal("Second time lucky.", result.Text);
        Assert.Equal(2, _server.Journal.Count);
    }

    [Fact]
    public async Task CompleteAsync_AnswerSlowerThanTimeout_TimeoutAndNotRetried()
    {
        _server.Enqueue(new FakeReply.Slow(TimeSpan.FromSeconds(10)));
        var settings = DraftingHarness.OpenAI(_server);
        settings["Timeout"] = "00:00:01.500";
        await using var app = await DraftingHarness.StartAsync(settings);
        var clock = Stopwatch.StartNew();

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.Timeout, result.Failure?.Kind);
        Assert.Equal("OpenAI did not answer within 1.5 seconds. Try again, or use the built-in drafter.", result.Failure!.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Single(_server.Journal);
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("missing")]
    public async Task CompleteAsync_UnreadableAnswer_BadResponse(string shape)
    {
        _server.Enqueue(shape == "malformed" ? new FakeReply.Malformed() : new FakeReply.MissingFields());
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.BadResponse, result.Failure?.Kind);
        Assert.StartsWith("OpenAI sent an answer Ocma could not use", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Single(_server.Journal);
    }

    [Fact]
    public async Task CompleteAsync_ContentFilterFinish_ContentFilteredAndNotRetried()
    {
        _server.Enqueue(new FakeReply.Refusal());
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.ContentFiltered, result.Failure?.Kind);
        Assert.Contains("safety filter", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Single(_server.Journal);
    }

    [Fact]
    public async Task CompleteAsync_AzureContentFilterError_ContentFiltered()
    {
        _server.Enqueue(new FakeReply.Error(400, "invalid_request_error", "The response was filtered due to the prompt triggering content management policy.", "content_filter"));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.ContentFiltered, result.Failure?.Kind);
        Assert.Single(_server.Journal);
    }

    [Fact]
    public async Task CompleteAsync_NoKeyAnywhere_NotConfiguredWithoutCallingTheServer()
    {
        var settings = DraftingHarness.OpenAI(_server);
        settings["OpenAI:ApiKey"] = null;
        await using var app = await DraftingHarness.StartAsync(settings);

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.NotConfigured, result.Failure?.Kind);
        Assert.Contains("ai:openai:api_key", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Journal);
    }

    [Fact]
    public async Task CompleteAsync_KeyInAdminSecrets_WinsOverConfiguration()
    {
        var settings = DraftingHarness.OpenAI(_server);
        settings["OpenAI:ApiKey"] = "sk-stale-from-environment-0000";
        await using var app = await DraftingHarness.StartAsync(settings);
        await app.Get<SecretVault>().SetAsync(DraftingSecrets.OpenAIKey, _server.ExpectedKey, "admin", CancellationToken.None);

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal($"Bearer {_server.ExpectedKey}", Assert.Single(_server.Journal).Header("authorization"));
    }

    [Fact]
    public async Task CompleteAsync_AzureStyleKeyHeader_SendsApiKeyHeaderInsteadOfBearer()
    {
        var settings = DraftingHarness.OpenAI(_server);
        settings["OpenAI:ApiKeyHeader"] = "api-key";
        await using var app = await DraftingHarness.StartAsync(settings);

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var request = Assert.Single(_server.Journal);
        Assert.Equal(_server.ExpectedKey, request.Header("api-key"));
        Assert.Null(request.Header("authorization"));
    }

    [Fact]
    public async Task CompleteAsync_AzureStyleBaseUrlWithQuery_PathAppendedQueryKept()
    {
        var settings = DraftingHarness.OpenAI(_server);
        settings["OpenAI:BaseUrl"] = new Uri(_server.BaseUrl, "/openai/deployments/drafts?api-version=2024-10-21").ToString();
        await using var app = await DraftingHarness.StartAsync(settings);

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("/openai/deployments/drafts/chat/completions?api-version=2024-10-21", Assert.Single(_server.Journal).Path);
    }

    [Fact]
    public async Task CompleteAsync_RefusalMessage_ContentFiltered()
    {
        _server.Enqueue(new FakeReply.Raw(200, """
            {"id":"chatcmpl-9","object":"chat.completion","model":"gpt-test","choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I can't help with that."},"finish_reason":"stop"}],"usage":{"prompt_tokens":40,"completion_tokens":7,"total_tokens":47}}
            """));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.ContentFiltered, result.Failure?.Kind);
    }

    [Fact]
    public async Task CompleteAsync_ServerWithoutUsage_EstimatesTokens()
    {
        _server.Enqueue(new FakeReply.Raw(200, """
            {"id":"x","object":"chat.completion","model":"llama3","choices":[{"index":0,"message":{"role":"assistant","content":"Twelve chars"},"finish_reason":"stop"}]}
            """));
        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(("Twelve chars", 3), (result.Text, result.TokensOut));
        Assert.Equal((Prompt.System.Length + Prompt.User.Length + 3) / 4, result.TokensIn);
    }

    [Fact]
    public async Task CompleteAsync_NewerModelTokenParameter_SentUnderThatName()
    {
        var settings = DraftingHarness.OpenAI(_server);
        settings["OpenAI:MaxTokensParameter"] = "max_completion_tokens";
        await using var app = await DraftingHarness.StartAsync(settings);

        await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(_server.Journal).Body);
        Assert.Equal(300, body.RootElement.GetProperty("max_completion_tokens").GetInt32());
        Assert.False(body.RootElement.TryGetProperty("max_tokens", out _));
    }

    [Fact]
    public async Task CompleteAsync_LocalServerWithoutKey_SendsNoCredentials()
    {
        var settings = DraftingHarness.OpenAI(_server);
        settings["OpenAI:ApiKey"] = null;
        settings["OpenAI:RequiresKey"] = "false";
        await using var app = await DraftingHarness.StartAsync(settings);

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.Auth, result.Failure?.Kind); // the fake insists on a key; a local server would not
        Assert.Null(Assert.Single(_server.Journal).Header("authorization"));
    }

    [Fact]
    public async Task CompleteAsync_ServerNotListening_UnavailableInWords()
    {
        var settings = DraftingHarness.OpenAI(_server);
        settings["OpenAI:BaseUrl"] = "http://127.0.0.1:9/v1";
        settings["MaxRetries"] = "0";
        await using var app = await DraftingHarness.StartAsync(settings);

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.Unavailable, result.Failure?.Kind);
        Assert.Contains("could not be reached", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(400)]
    public async Task CompleteAsync_AnyFailure_KeyNeverInLogsOrMessage(int status)
    {
        // The error message quotes the key back, the way a careless gateway might.
        for (var i = 0; i < 3; i++)
        {
            _server.Enqueue(new FakeReply.Error(status, "error", $"Problem with key {_server.ExpectedKey}", RetryAfterMs: "10"));
        }

        await using var app = await DraftingHarness.StartAsync(DraftingHarness.OpenAI(_server));

        var result = await app.Get<OpenAICompatibleProvider>().CompleteAsync(Prompt, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(_server.ExpectedKey, app.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.ExpectedKey, result.Failure!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", app.Logs.All + result.Failure.Message, StringComparison.Ordinal);
    }
}
