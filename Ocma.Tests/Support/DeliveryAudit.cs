using Ocma.Core.Posts;

namespace Ocma.Tests.Support;

/// <summary>A post a platform (or fake) stored, with what ties it to one Ocma target (its idempotency key or its text).</summary>
public sealed record StoredPost(string TargetKey, string PlatformPostId);

/// <summary>What the console says about one target at the end of a run.</summary>
public sealed record ReportedTarget(string TargetKey, TargetState State, string? PlatformPostId, string? LastError);

/// <summary>Per-target figures of a run, counted against what the platform stored, never against what Ocma believes.</summary>
public sealed record DeliveryCounts(int Targets, int Duplicates, int Lost, int Misreported, IReadOnlyList<string> Problems)
{
    public bool Clean => Duplicates == 0 && Lost == 0 && Misreported == 0;

    public override string ToString() => $"targets={Targets} dup={Duplicates} lost={Lost} misreported={Misreported}";
}

/// <summary>
/// Counts per target: a duplicate is two or more stored posts for one target; lost is a target neither stored nor
/// left in a non-published state with a reason a person can act on; misreported is a console state the platform
/// contradicts (Published with no such post stored, or Failed/Scheduled while a post is stored).
/// </summary>
public static class DeliveryAudit
{
    public static DeliveryCounts Count(IEnumerable<StoredPost> stored, IEnumerable<ReportedTarget> targets)
    {
        var byKey = stored.ToLookup(s => s.TargetKey, StringComparer.Ordinal);
        int duplicates = 0, lost = 0, misreported = 0, count = 0;
        var problems = new List<string>();
        foreach (var target in targets)
        {
            count++;
            var posts = byKey[target.TargetKey].ToList();
            if (posts.Count > 1)
            {
                duplicates++;
                problems.Add($"{target.TargetKey}: stored {posts.Count} times");
            }

            var hasReason = target.State is TargetState.Failed or TargetState.NeedsAttention && !string.IsNullOrWhiteSpace(target.LastError);
            if (posts.Count == 0 && !hasReason)
            {
                lost++;
                problems.Add($"{target.TargetKey}: not stored, console says {target.State} ({target.LastError ?? "no reason"})");
            }

            if (IsMisreported(target, posts))
            {
                misreported++;
                problems.Add($"{target.TargetKey}: console says {target.State} {target.PlatformPostId}, platform has [{string.Join(",", posts.Select(p => p.PlatformPostId))}]");
            }
        }

        return new DeliveryCounts(count, duplicates, lost, misreported, problems);
    }

    private static bool IsMisreported(ReportedTarget target, List<StoredPost> posts) => target.State switch
    {
        TargetState.Published => !posts.Any(p => p.PlatformPostId == target.PlatformPostId),
        // "May have been published" is the truth when the answer was lost; any other state must match the platform.
        TargetState.NeedsAttention => false,
        _ => posts.Count > 0,
    };
}
