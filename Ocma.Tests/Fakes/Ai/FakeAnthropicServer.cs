using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.Ai;

/// <summary>Anthropic's Messages API: the key (x-api-key or bearer) and anthropic-version headers, the message shape and <c>{"type":"error","error":{…}}</c> envelope.</summary>
public sealed class FakeAnthropicServer : FakeAiServer
{
    protected override string PathSuffix => "/v1/messages";

    public static async Task<FakeAnthropicServer> StartNewAsync()
    {
        var server = new FakeAnthropicServer { ExpectedKey = "sk-ant-test-SECRET-9876543210" };
        await server.StartAsync();
        return server;
    }

    /// <summary>A <c>system</c> or message <c>content</c> value as text: the API takes a string or a list of text blocks.</summary>
    public static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? value.GetString()!
        : string.Concat(value.EnumerateArray().Where(b => b.GetProperty("type").GetString() == "text").Select(b => b.GetProperty("text").GetString()));

    protected override FakeReply.Error? CheckAuth(HttpContext context)
    {
        if (string.IsNullOrEmpty(context.Request.Headers["anthropic-version"]))
        {
            return new FakeReply.Error(400, "invalid_request_error", "anthropic-version: header is required");
        }

        // The API takes the key as x-api-key or, as Anthropic's own C# SDK (13.x) sends it, as a bearer token.
        var bearer = context.Request.Headers.Authorization.ToString();
        return context.Request.Headers["x-api-key"] == ExpectedKey || bearer == $"Bearer {ExpectedKey}"
            ? null
            : new FakeReply.Error(401, "authentication_error", "invalid x-api-key");
    }

    protected override object Success(JsonElement request, FakeReply.Text reply) => Message(request, [new { type = "text", text = reply.Content }], "end_turn", reply.TokensIn, reply.TokensOut);

    protected override object Refusal(JsonElement request) => Message(request, [], "refusal", 50, 0);

    /// <summary>The Messages streaming events: message_start (input tokens), a text block's deltas word by word, message_delta (stop reason, output tokens), message_stop.</summary>
    protected override IEnumerable<(string? Name, string Data)> StreamEvents(JsonElement request, FakeReply.Text? text)
    {
        var (tokensIn, tokensOut) = text is null ? (50, 0) : (text.TokensIn, text.TokensOut);
        var start = Message(request, [], null, tokensIn, 1);
        yield return ("message_start", JsonSerializer.Serialize(new { type = "message_start", message = start }));
        if (text is not null)
        {
            yield return ("content_block_start", JsonSerializer.Serialize(new { type = "content_block_start", index = 0, content_block = new { type = "text", text = "" } }));
            yield return ("ping", """{"type": "ping"}""");
            foreach (var word in Words(text.Content))
            {
                yield return ("content_block_delta", JsonSerializer.Serialize(new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = word } }));
            }

            yield return ("content_block_stop", """{"type":"content_block_stop","index":0}""");
        }

        var stop = text is null ? "refusal" : "end_turn";
        yield return ("message_delta", JsonSerializer.Serialize(new { type = "message_delta", delta = new { stop_reason = stop, stop_sequence = (string?)null }, usage = new { output_tokens = tokensOut } }));
        yield return ("message_stop", """{"type":"message_stop"}""");
    }

    protected override object ErrorEnvelope(FakeReply.Error error) => new { type = "error", error = new { type = error.Type, message = error.Message } };

    private static object Message(JsonElement request, object[] content, string? stopReason, int tokensIn, int tokensOut) => new
    {
        id = "msg_fake1",
        type = "message",
        role = "assistant",
        model = request.GetProperty("model").GetString(),
        content,
        stop_reason = stopReason,
        stop_sequence = (string?)null,
        usage = new { input_tokens = tokensIn, output_tokens = tokensOut },
    };
}
