using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.Ai;

/// <summary>OpenAI's chat completions endpoint: bearer (or Azure-style api-key) auth, the completion shape and <c>{"error":{…}}</c> envelope.</summary>
public sealed class FakeOpenAIServer : FakeAiServer
{
    protected override string PathSuffix => "/chat/completions";

    /// <summary>Base URL as configured in Ocma (it includes /v1, like OpenAI's).</summary>
    public string ApiBase => new Uri(BaseUrl, "/v1").ToString();

    public static async Task<FakeOpenAIServer> StartNewAsync()
    {
        var server = new FakeOpenAIServer();
        await server.StartAsync();
        return server;
    }

    /// <summary>The system and user messages of a journalled request.</summary>
    public static (string System, string User) Messages(JournalEntry entry)
    {
        using var json = JsonDocument.Parse(entry.Body);
        var messages = json.RootElement.GetProperty("messages");
        return (messages[0].GetProperty("content").GetString()!, messages[1].GetProperty("content").GetString()!);
    }

    protected override FakeReply.Error? CheckAuth(HttpContext context)
    {
        var bearer = context.Request.Headers.Authorization.ToString();
        var apiKey = context.Request.Headers["api-key"].ToString();
        if (bearer == $"Bearer {ExpectedKey}" || apiKey == ExpectedKey)
        {
            return null;
        }

        var sent = bearer.StartsWith("Bearer ", StringComparison.Ordinal) ? bearer[7..] : apiKey;
        var masked = sent.Length > 8 ? $"{sent[..3]}*****{sent[^4..]}" : "";
        return new FakeReply.Error(401, "invalid_request_error", $"Incorrect API key provided: {masked}. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_api_key");
    }

    protected override object Success(JsonElement request, FakeReply.Text reply) => new
    {
        id = "chatcmpl-fake1",
        @object = "chat.completion",
        created = 1_790_000_000,
        model = request.GetProperty("model").GetString(),
        choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Content, refusal = (string?)null }, logprobs = (object?)null, finish_reason = "stop" } },
        usage = new { prompt_tokens = reply.TokensIn, completion_tokens = reply.TokensOut, total_tokens = reply.TokensIn + reply.TokensOut },
    };

    protected override object Refusal(JsonElement request) => new
    {
        id = "chatcmpl-fake2",
        @object = "chat.completion",
        created = 1_790_000_000,
        model = request.GetProperty("model").GetString(),
        choices = new[] { new { index = 0, message = new { role = "assistant", content = (string?)null, refusal = (string?)null }, logprobs = (object?)null, finish_reason = "content_filter" } },
        usage = new { prompt_tokens = 50, completion_tokens = 0, total_tokens = 50 },
    };

    /// <summary>
    /// Chat completion chunks: the role, then a chunk per word, then the finish reason; the usage chunk (empty choices) only
    /// when the request asked for it with <c>stream_options.include_usage</c>, as OpenAI does; then <c>[DONE]</c>.
    /// </summary>
    protected override IEnumerable<(string? Name, string Data)> StreamEvents(JsonElement request, FakeReply.Text? text)
    {
        var model = request.GetProperty("model").GetString();
        string Chunk(object delta, string? finish) => JsonSerializer.Serialize(new
        {
            id = "chatcmpl-fake1", @object = "chat.completion.chunk", created = 1_790_000_000, model,
            choices = new[] { new { index = 0, delta, logprobs = (object?)null, finish_reason = finish } },
        });

        yield return (null, Chunk(new { role = "assistant", content = "" }, null));
        foreach (var word in text is null ? [] : Words(text.Content))
        {
            yield return (null, Chunk(new { content = word }, null));
        }

        yield return (null, Chunk(new { }, text is null ? "content_filter" : "stop"));
        if (request.TryGetProperty("stream_options", out var streamOptions) && streamOptions.TryGetProperty("include_usage", out var include) && include.ValueKind == JsonValueKind.True)
        {
            var (tokensIn, tokensOut) = text is null ? (50, 0) : (text.TokensIn, text.TokensOut);
            yield return (null, JsonSerializer.Serialize(new
            {
                id = "chatcmpl-fake1", @object = "chat.completion.chunk", created = 1_790_000_000, model, choices = Array.Empty<object>(),
                usage = new { prompt_tokens = tokensIn, completion_tokens = tokensOut, total_tokens = tokensIn + tokensOut },
            }));
        }

        yield return (null, "[DONE]");
    }

    protected override object ErrorEnvelope(FakeReply.Error error) => new
    {
        error = new { message = error.Message, type = error.Type, param = (string?)null, code = error.Code },
    };
}
