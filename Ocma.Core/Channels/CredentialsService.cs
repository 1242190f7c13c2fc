using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Live;

namespace Ocma.Core.Channels;

/// <summary>
/// Hands out a channel's credentials for a platform call, refreshing them first when they expire within a
/// minute. One refresh at a time per channel, and a rotated refresh token is saved in the same step; a refresh
/// that fails for good marks the channel NeedsReconnect.
/// </summary>
public sealed class CredentialsService(
    IDbContextFactory<OcmaDbContext> dbFactory,
    GrantProtector grants,
    PlatformAppResolver apps,
    ChannelHealthRecorder health,
    AuditLog audit,
    LiveStatus live,
    TimeProvider time)
{
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _refreshGates = new();

    public async Task<ConnectorResult<ChannelCredentials>> GetUsableAsync(Channel channel, ISocialConnector connector, CancellationToken cancellationToken)
    {
        if (channel.Status != ChannelStatus.Active || channel.ProtectedGrant.Length == 0)
        {
            return ConnectorResult<ChannelCredentials>.Fail(FailureKind.AuthRevoked, $"The channel {channel.Handle ?? channel.DisplayName} needs to be reconnected.");
        }

        var credentials = grants.Unprotect(channel.ProtectedGrant);
        return IsFresh(credentials) ? ConnectorResult<ChannelCredentials>.Success(credentials) : await RefreshAsync(channel.Id, connector, force: false, cancellationToken);
    }

    /// <summary>Refreshes the grant (after the platform said the token expired, or ahead of expiry).</summary>
    public async Task<ConnectorResult<ChannelCredentials>> RefreshAsync(int channelId, ISocialConnector connector, bool force, CancellationToken cancellationToken)
    {
        var gate = _refreshGates.GetOrAdd(channelId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var channel = await db.Channels.SingleAsync(c => c.Id == channelId, cancellationToken);
            if (channel.Status != ChannelStatus.Active || channel.ProtectedGrant.Length == 0)
            {
                return ConnectorResult<ChannelCredentials>.Fail(FailureKind.AuthRevoked, $"The channel {channel.Handle ?? channel.DisplayName} needs to be reconnected.");
            }

            var current = grants.Unprotect(channel.ProtectedGrant);
            if (!force && IsFresh(current))
            {
                return ConnectorResult<ChannelCredentials>.Success(current); // another caller refreshed while we waited
            }

            // Only platforms whose refresh is an OAuth grant need the app; the rest renew with the grant alone.
            var app = connector.Descriptor.RefreshNeedsApp ? await apps.FindAsync(channel.PlatformKey, current.InstanceUrl, cancellationToken) : null;
            var refreshed = connector.Descriptor.RefreshNeedsApp && app is null
                ? ConnectorResult<ChannelCredentials>.Fail(FailureKind.Misconfigured, "The platform's app credentials are missing.")
                : await connector.RefreshAsync(new RefreshRequest(current, app), cancellationToken);
            if (refreshed.Succeeded)
            {
                channel.ProtectedGrant = grants.Protect(refreshed.Value);
                channel.TokenExpiresUtc = refreshed.Value.AccessTokenExpiresUtc;
                await db.SaveChangesAsync(cancellationToken);
                return refreshed;
            }

            if (refreshed.Failure!.Kind is FailureKind.AuthRevoked or FailureKind.Rejected or FailureKind.Misconfigured)
            {
                await MarkNeedsReconnectAsync(db, channel, "Refreshing access failed: " + refreshed.Failure.Message, cancellationToken);
                return ConnectorResult<ChannelCredentials>.Fail(FailureKind.AuthRevoked, channel.StatusReason!, refreshed.Failure.PlatformCode);
            }

            return refreshed;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task MarkNeedsReconnectAsync(int channelId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.SingleAsync(c => c.Id == channelId, cancellationToken);
        await MarkNeedsReconnectAsync(db, channel, reason, cancellationToken);
    }

    private async Task MarkNeedsReconnectAsync(OcmaDbContext db, Channel channel, string reason, CancellationToken cancellationToken)
    {
        if (channel.Status == ChannelStatus.NeedsReconnect)
        {
            return;
        }

        channel.Status = ChannelStatus.NeedsReconnect;
        channel.StatusReason = reason;
        audit.Add(db, Actor.System, "channel.needs-reconnect", $"{channel.PlatformKey} {channel.Handle ?? channel.AccountId}", reason);
        await db.SaveChangesAsync(cancellationToken);
        await health.RecordNeedsReconnectAsync(channel.Id, reason, cancellationToken);
        await live.PublishAsync(new ChannelStatusChanged(channel.Id, channel.Status, reason));
    }

    private bool IsFresh(ChannelCredentials credentials) =>
        credentials.AccessTokenExpiresUtc is not DateTime expires || expires - RefreshAhead > time.GetUtcNow().UtcDateTime;
}
