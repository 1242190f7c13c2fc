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

    protected override object ErrorEnvelope(FakeReply.Error error) => new { type = "error", error = new { type = error.Type, message = error.Message } };

    private static object Message(JsonElement request, object[] content, string stopReason, int tokensIn, int tokensOut) => new
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
