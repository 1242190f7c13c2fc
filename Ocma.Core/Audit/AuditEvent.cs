namespace Ocma.Core.Audit;

/// <summary>Who did what, when. Append-only.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>Null for the system (scheduler, sweeps).</summary>
    public string? UserId { get; set; }

    public required string Actor { get; set; }

    /// <summary>A stable verb, e.g. "post.scheduled", "channel.connected", "user.created".</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to, e.g. "post 12", "user ana@example.com".</summary>
    public required string Subject { get; set; }

    public string? Details { get; set; }
}
