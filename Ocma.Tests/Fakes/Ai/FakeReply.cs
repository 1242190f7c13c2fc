namespace Ocma.Tests.Fakes.Ai;

/// <summary>What a fake AI server answers to the next request. Unscripted requests get <see cref="Text"/> with default content.</summary>
public abstract record FakeReply
{
    /// <summary>A normal answer. Streamed (when the request asks for it) word by word, <paramref name="Gap"/> apart.</summary>
    public sealed record Text(string Content, int TokensIn = 120, int TokensOut = 40, TimeSpan? Gap = null) : FakeReply;

    /// <summary>The provider's error envelope with this status. Retry-After headers only when given.</summary>
    public sealed record Error(int Status, string Type, string Message, string? Code = null, string? RetryAfter = null, string? RetryAfterMs = null) : FakeReply;

    /// <summary>Waits before answering normally (to provoke the client's timeout).</summary>
    public sealed record Slow(TimeSpan Delay) : FakeReply;

    /// <summary>200 with a body that is not JSON.</summary>
    public sealed record Malformed(string Body = "{\"id\": \"x\", \"choices\": [") : FakeReply;

    /// <summary>Exactly this status and body, for shapes the other replies do not cover.</summary>
    public sealed record Raw(int Status, string Body) : FakeReply;

    /// <summary>200 with valid JSON that lacks the fields a completion needs.</summary>
    public sealed record MissingFields : FakeReply;

    /// <summary>The provider's safety refusal (OpenAI: finish_reason content_filter; Anthropic: stop_reason refusal).</summary>
    public sealed record Refusal : FakeReply;
}

/// <summary>One request the fake received.</summary>
public sealed record JournalEntry(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
