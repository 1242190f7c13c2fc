using System.Collections.Concurrent;

namespace Ocma.Tests.Fakes;

/// <summary>One request as a fake platform received it.</summary>
public sealed record JournalEntry(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, int BodyLength, string BodyHash, string Body)
{
    /// <summary>When the fake received it (real clock), for latency measurements.</summary>
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Every request a fake received, in order, so tests can assert on exact calls.</summary>
public sealed class RequestJournal
{
    private readonly ConcurrentQueue<JournalEntry> _entries = new();

    public IReadOnlyList<JournalEntry> Entries => [.. _entries];

    public void Add(JournalEntry entry) => _entries.Enqueue(entry);

    public int Count(string method, string path) =>
        Entries.Count(e => e.Method == method && string.Equals(e.Path, path, StringComparison.Ordinal));

    public IReadOnlyList<JournalEntry> Matching(string method, string pathPrefix) =>
        [.. Entries.Where(e => e.Method == method && e.Path.StartsWith(pathPrefix, StringComparison.Ordinal))];
}
