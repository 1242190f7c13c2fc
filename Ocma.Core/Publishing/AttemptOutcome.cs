namespace Ocma.Core.Publishing;

public enum AttemptOutcome
{
    InFlight,
    Published,
    Failed,
    /// <summary>Reconciliation found the post an earlier attempt created.</summary>
    FoundOnPlatform,
}
