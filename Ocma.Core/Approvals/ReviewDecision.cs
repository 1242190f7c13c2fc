namespace Ocma.Core.Approvals;

/// <summary>One step in a post's review history.</summary>
public enum ReviewDecision
{
    /// <summary>A Contributor sent the post for approval.</summary>
    Submitted,
    Approved,
    Rejected,
}
