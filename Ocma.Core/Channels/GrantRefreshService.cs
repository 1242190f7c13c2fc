using Microsoft.EntityFrameworkCore;
using Ocma.Core.Connectors;
using Ocma.Core.Data;

namespace Ocma.Core.Channels;

/// <summary>Refreshes grants ahead of their expiry, so a post never waits on an expired token. Failures for good mark the channel NeedsReconnect.</summary>
public sealed class GrantRefreshService(
    IDbContextFactory<OcmaDbContext> dbFactory,
    ConnectorRegistry connectors,
    CredentialsService credentials,
    TimeProvider time)
{
    /// <summary>Grants expiring within this window are refreshed by the job (which runs every 5 minutes).</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromMinutes(15);

    public async Task<int> RefreshExpiringAsync(CancellationToken cancellationToken)
    {
        var horizon = time.GetUtcNow().UtcDateTime + Ahead;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Channels.AsNoTracking()
            .Where(c => c.Status == ChannelStatus.Active && c.TokenExpiresUtc != null && c.TokenExpiresUtc <= horizon)
            .Select(c => new { c.Id, c.PlatformKey })
            .ToListAsync(cancellationToken);
        var refreshed = 0;
        foreach (var channel in due)
        {
            if (connectors.Find(channel.PlatformKey) is { } connector
                && (await credentials.RefreshAsync(channel.Id, connector, force: true, cancellationToken)).Succeeded)
            {
                refreshed++;
            }
        }

        return refreshed;
    }
}
