using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Live;
using Ocma.Core.Publishing;

namespace Ocma.Core.Channels;

/// <summary>Lists, connects and disconnects channels (connected accounts).</summary>
public sealed class ChannelService(
    IDbContextFactory<OcmaDbContext> dbFactory,
    GrantProtector grants,
    ConnectorRegistry connectors,
    AuditLog audit,
    LiveStatus live,
    HeldTargetService heldTargets,
    TimeProvider time)
{
    public async Task<IReadOnlyList<ChannelSummary>> ListAsync(int brandId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().Where(c => c.BrandId == brandId).OrderBy(c => c.DisplayName).ToListAsync(cancellationToken);
        return channels.Select(Summarize).ToList();
    }

    /// <summary>Stores the accounts a code exchange produced (updating the grant of one already connected) and resumes their held posts.</summary>
    public async Task<IReadOnlyList<ChannelSummary>> SaveConnectedAsync(int brandId, string platformKey, IReadOnlyList<ConnectableAccount> accounts, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = new List<Channel>();
        foreach (var account in accounts)
        {
            var channel = await db.Channels.SingleOrDefaultAsync(
                c => c.BrandId == brandId && c.PlatformKey == platformKey && c.AccountId == account.AccountId, cancellationToken);
            if (channel is null)
            {
                channel = new Channel
                {
                    BrandId = brandId,
                    PlatformKey = platformKey,
                    AccountId = account.AccountId,
                    DisplayName = account.DisplayName,
                    ProtectedGrant = "",
                    ConnectedByUserId = actor.UserId ?? "",
                };
                db.Channels.Add(channel);
            }

            channel.DisplayName = account.DisplayName;
            channel.Handle = account.Handle;
            channel.ProtectedGrant = grants.Protect(account.Credentials);
            channel.TokenExpiresUtc = account.Credentials.AccessTokenExpiresUtc;
            channel.Status = ChannelStatus.Active;
            channel.StatusReason = null;
            channel.ConnectedUtc = time.GetUtcNow().UtcDateTime;
            audit.Add(db, actor, "channel.connected", $"{platformKey} {account.Handle ?? account.AccountId}");
            saved.Add(channel);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var channel in saved)
        {
            await live.PublishAsync(new ChannelStatusChanged(channel.Id, channel.Status, null));
        }

        // Posts held while the access was revoked go out again now that it is back.
        await heldTargets.ResumeAfterReconnectAsync(saved.Select(c => c.Id).ToList(), actor, cancellationToken);
        return saved.Select(Summarize).ToList();
    }

    public async Task<Result<bool>> DisconnectAsync(int channelId, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.CanPublish)
        {
            return Result.Fail<bool>("Only Editors and Admins can disconnect channels.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null)
        {
            return Result.Fail<bool>("That channel no longer exists.");
        }

        // The grant is wiped; the channel row stays so published posts keep their history.
        channel.Status = ChannelStatus.Disabled;
        channel.StatusReason = "Disconnected by " + actor.Name;
        channel.ProtectedGrant = "";
        channel.TokenExpiresUtc = null;
        audit.Add(db, actor, "channel.disconnected", $"{channel.PlatformKey} {channel.Handle ?? channel.AccountId}");
        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(new ChannelStatusChanged(channel.Id, channel.Status, channel.StatusReason));
        return true;
    }

    /// <summary>
    /// Where a person goes to reconnect a channel: the handle and app password form (pre-filled) for platforms that
    /// sign in that way, else the platform's consent round trip (on the channel's own server, for per-server platforms).
    /// </summary>
    public async Task<Result<string>> ReconnectPathAsync(int channelId, int brandId, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.CanPublish)
        {
            return Result.Fail<string>("Only Editors and Admins can reconnect channels.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId && c.BrandId == brandId, cancellationToken);
        if (channel is null)
        {
            return Result.Fail<string>("That channel does not exist in this brand (switch to its brand first).");
        }

        var key = Uri.EscapeDataString(channel.PlatformKey);
        return connectors.Find(channel.PlatformKey) switch
        {
            null => Result.Fail<string>($"The {channel.PlatformKey} platform is not available in this installation any more."),
            IPasswordConnector => $"/channels?reconnect={channel.Id}",
            IAppRegisteringConnector when ServerOf(channel) is { } server => $"/oauth/{key}/start?instance={Uri.EscapeDataString(server)}",
            _ => $"/oauth/{key}/start",
        };
    }

    /// <summary>The server the channel's account lives on, for platforms with many (Bluesky, Mastodon); null otherwise.</summary>
    private string? ServerOf(Channel channel)
    {
        if (channel.ProtectedGrant.Length == 0)
        {
            return null;
        }

        try
        {
            return grants.Unprotect(channel.ProtectedGrant).InstanceUrl;
        }
        catch (CryptographicException)
        {
            return null; // the key ring was lost: the channel shows, and reconnecting it asks for the server again
        }
    }

    private ChannelSummary Summarize(Channel c)
    {
        var connector = connectors.Find(c.PlatformKey);
        return new ChannelSummary(c.Id, c.PlatformKey, connector?.Descriptor.DisplayName ?? c.PlatformKey, c.DisplayName, c.Handle,
            c.Status, c.StatusReason, c.TokenExpiresUtc, c.ConnectedUtc, connector?.Descriptor.Limits, ServerOf(c));
    }
}

/// <summary>A channel as the console shows it.</summary>
public sealed record ChannelSummary(
    int Id,
    string PlatformKey,
    string PlatformName,
    string DisplayName,
    string? Handle,
    ChannelStatus Status,
    string? StatusReason,
    DateTime? TokenExpiresUtc,
    DateTime ConnectedUtc,
    ContentLimits? Limits,
    string? ServerUrl = null)
{
    public string Label => Handle is null ? $"{DisplayName} · {PlatformName}" : $"{Handle} · {PlatformName}";

    /// <summary>The host of the server the account lives on ("pds.example.com"), for platforms with many; null otherwise.</summary>
    public string? Server => Uri.TryCreate(ServerUrl, UriKind.Absolute, out var url) ? url.Authority : null;

    public bool CanPublish => Status == ChannelStatus.Active && Limits is not null;
}
