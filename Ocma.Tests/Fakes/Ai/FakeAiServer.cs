using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ocma.Tests.Fakes.Ai;

/// <summary>
/// A real HTTP server on 127.0.0.1 (random port) that answers like an AI provider: scripted replies per test,
/// a request journal to assert on, and the provider's own JSON shapes and error envelopes.
/// </summary>
public abstract class FakeAiServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private readonly ConcurrentQueue<JournalEntry> _journal = new();
    private WebApplication? _app;

    /// <summary>The key the fake accepts.</summary>
    public string ExpectedKey { get; init; } = "sk-test-SECRET-0123456789abcdef";

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<JournalEntry> Journal => _journal.ToList();

    /// <summary>How the endpoint's path ends; anything before it is accepted (gateways and Azure-style deployments add prefixes).</summary>
    protected abstract string PathSuffix { get; }

    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("{**path}", HandleAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        _journal.Enqueue(new JournalEntry(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body, DateTimeOffset.UtcNow));

        if (!context.Request.Path.Value!.EndsWith(PathSuffix, StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (CheckAuth(context) is { } authError)
        {
            await WriteErrorAsync(context, authError);
            return;
        }

        var reply = _script.TryDequeue(out var next) ? next : new FakeReply.Text("Spring is here: our new range lands on Monday.");
        using var request = JsonDocument.Parse(body);
        if (request.RootElement.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True && reply is FakeReply.Text or FakeReply.Refusal)
        {
            await StreamAsync(context, request.RootElement, reply as FakeReply.Text);
            return;
        }

        switch (reply)
        {
            case FakeReply.Slow slow:
                try
                {
                    await Task.Delay(slow.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return; // the client gave up
                }

                await WriteJsonAsync(context, 200, Success(request.RootElement, new FakeReply.Text("Late answer.")));
                break;
            case FakeReply.Error error:
                await WriteErrorAsync(context, error);
                break;
            case FakeReply.Malformed malformed:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(malformed.Body);
                break;
            case FakeReply.Raw raw:
                context.Response.StatusCode = raw.Status;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(raw.Body);
                break;
            case FakeReply.MissingFields:
                await WriteJsonAsync(context, 200, new { id = "x", @object = "unexpected" });
                break;
            case FakeReply.Refusal:
                await WriteJsonAsync(context, 200, Refusal(request.RootElement));
                break;
            case FakeReply.Text text:
                await WriteJsonAsync(context, 200, Success(request.RootElement, text));
                break;
        }
    }

    /// <summary>How many streamed answers the client abandoned before their end (it closed the connection).</summary>
    public int StreamsAbandoned => _abandoned;

    private int _abandoned;

    /// <summary>A server-sent-event stream: the provider's events for <paramref name="text"/> word by word, or for a refusal when null.</summary>
    private async Task StreamAsync(HttpContext context, JsonElement request, FakeReply.Text? text)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        try
        {
            foreach (var (name, data) in StreamEvents(request, text))
            {
                await context.Response.WriteAsync(name is null ? $"data: {data}\n\n" : $"event: {name}\ndata: {data}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                if (text?.Gap is { } gap && name is null or "content_block_delta")
                {
                    await Task.Delay(gap, context.RequestAborted);
                }
            }
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _abandoned);
        }
    }

    /// <summary>The reply's words, each keeping the space before it, as a model streams them.</summary>
    protected static IEnumerable<string> Words(string content) =>
        System.Text.RegularExpressions.Regex.Matches(content, @"\s*\S+").Select(m => m.Value);

    /// <summary>The provider's streaming events (name, JSON data) for a text reply, or a refusal when <paramref name="text"/> is null.</summary>
    protected abstract IEnumerable<(string? Name, string Data)> StreamEvents(JsonElement request, FakeReply.Text? text);

    private async Task WriteErrorAsync(HttpContext context, FakeReply.Error error)
    {
        if (error.RetryAfter is not null)
        {
            context.Response.Headers["retry-after"] = error.RetryAfter;
        }

        if (error.RetryAfterMs is not null)
        {
            context.Response.Headers["retry-after-ms"] = error.RetryAfterMs;
        }

        await WriteJsonAsync(context, error.Status, ErrorEnvelope(error));
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    /// <summary>An error reply when the request's credentials or required headers are wrong; null when they are right.</summary>
    protected abstract FakeReply.Error? CheckAuth(HttpContext context);

    protected abstract object Success(JsonElement request, FakeReply.Text reply);

    protected abstract object Refusal(JsonElement request);

    protected abstract object ErrorEnvelope(FakeReply.Error error);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
