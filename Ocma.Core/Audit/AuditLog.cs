using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;

namespace Ocma.Core.Audit;

/// <summary>Writes and reads the append-only audit trail.</summary>
public sealed class AuditLog(IDbContextFactory<OcmaDbContext> dbFactory, TimeProvider time)
{
    public const string SystemActor = "system";

    public async Task WriteAsync(Actor actor, string action, string subject, string? details, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEvents.Add(Create(actor, action, subject, details));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the event to a context the caller saves, so the change and its audit commit together.</summary>
    public void Add(OcmaDbContext db, Actor actor, string action, string subject, string? details = null) =>
        db.AuditEvents.Add(Create(actor, action, subject, details));

    public async Task<IReadOnlyList<AuditEvent>> RecentAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
    }

    private AuditEvent Create(Actor actor, string action, string subject, string? details) => new()
    {
        AtUtc = time.GetUtcNow().UtcDateTime,
        UserId = actor.UserId,
        Actor = actor.Name,
        Action = action,
        Subject = subject,
        Details = details,
    };
}
