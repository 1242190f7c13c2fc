namespace Ocma.Core.Calendar;

/// <summary>
/// A person's subscribable calendar address. Only the SHA-256 of its secret is kept, so the address is shown once, when
/// it is issued; issuing again replaces it and revoking deletes it.
/// </summary>
public sealed class CalendarFeed
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>Lowercase hex SHA-256 of the secret in the address.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When a calendar app last fetched it; null until the first fetch.</summary>
    public DateTime? LastFetchedUtc { get; set; }
}
