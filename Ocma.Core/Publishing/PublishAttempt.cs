using Ocma.Core.Connectors;

namespace Ocma.Core.Publishing;

/// <summary>One try at sending a target to its platform. Append-only: the ledger behind the post timeline.</summary>
public sealed class PublishAttempt
{
    public long Id { get; set; }

    public int TargetId { get; set; }

    public int Number { get; set; }

    public DateTime StartedUtc { get; set; }

    /// <summary>Null while the request is in flight (or the process died mid-request).</summary>
    public DateTime? FinishedUtc { get; set; }

    /// <summary>SHA-256 of what was sent, to prove two attempts carried the same content.</summary>
    public required string RequestFingerprint { get; set; }

    public AttemptOutcome Outcome { get; set; }

    public FailureKind? FailureKind { get; set; }

    public string? PlatformCode { get; set; }

    public string? Message { get; set; }

    public DateTime? RetryAfterUtc { get; set; }
}
