using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Channels;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Media;
using Ocma.Core.Posts;

namespace Ocma.Core.Publishing;

/// <summary>
/// Sends one claimed target to its platform. Every send is recorded in the attempt ledger before it leaves;
/// an expired token is refreshed once; an unknown outcome is looked up on the platform before anything else.
/// The <see cref="SendGate"/> holds the target back while its channel is rate-limited, its slots are busy or its platform is degraded.
/// </summary>
public sealed class TargetPublisher(
    IDbContextFactory<OcmaDbContext> dbFactory,
    ConnectorRegistry connectors,
    CredentialsService credentials,
    TargetSettler settler,
    SendGate gate,
    MediaStore media,
    MediaItems mediaItems,
    TimeProvider time)
{
    /// <summary>Publishes the target if it is still Publishing under <paramref name="claimId"/>; does nothing otherwise.</summary>
    public async Task PublishAsync(int targetId, Guid claimId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.PostTargets.AsNoTracking().Include(t => t.Post!.Media).ThenInclude(m => m.Asset).Include(t => t.Channel)
            .SingleOrDefaultAsync(t => t.Id == targetId && t.State == TargetState.Publishing && t.ClaimId == claimId, cancellationToken);
        if (target is null)
        {
            return; // settled or moved by someone else meanwhile
        }

        var connector = connectors.Find(target.Channel!.PlatformKey);
        if (connector is null)
        {
            await settler.SettleAsync(target, null, ConnectorResult<PublishedPost>.Fail(FailureKind.Misconfigured,
                $"The {target.Channel.PlatformKey} platform is not available in this installation any more."), cancellationToken);
            return;
        }

        using var pass = await gate.EnterAsync(target.ChannelId, connector.Descriptor, cancellationToken);
        if (pass.Held is SendHold hold)
        {
            await settler.HoldAsync(target, hold, cancellationToken);
            return;
        }

        var assets = target.Post!.Media.OrderBy(m => m.Position).Select(m => m.Asset!).ToList();
        if (assets.FirstOrDefault(a => !media.Exists(a.Sha256)) is MediaAsset missing)
        {
            await settler.SettleAsync(target, null, ConnectorResult<PublishedPost>.Fail(FailureKind.Misconfigured,
                $"The image '{missing.FileName}' is missing from the media folder (restore it from a backup, or remove it from the post)."), cancellationToken);
            return;
        }

        var content = new PostContent(target.TextFor(target.Post!), mediaItems.From(assets));
        var fingerprintMedia = string.Join(",", assets.Select(a => a.Sha256));
        var grant = await credentials.GetUsableAsync(target.Channel, connector, cancellationToken);
        if (!grant.Succeeded)
        {
            await settler.SettleAsync(target, null, ConnectorResult<PublishedPost>.Fail(grant.Failure!), cancellationToken);
            return;
        }

        var interrupted = await db.PublishAttempts.AsNoTracking()
            .Where(a => a.TargetId == targetId && a.Outcome == AttemptOutcome.InFlight)
            .OrderByDescending(a => a.Number).FirstOrDefaultAsync(cancellationToken);
        if (interrupted is not null)
        {
            // A send whose answer was lost (a crash, or a first look-up that did not find it yet): never send again before asking the platform.
            var unknown = new ConnectorFailure(FailureKind.OutcomeUnknown, TargetSettler.FirstLookNote(interrupted.Message) is { Length: > 0 } said ? said : "Ocma stopped while the post was being sent.");
            var lookup = await connector.LookupAsync(new LookupRequest(grant.Value, content, target.IdempotencyKey, interrupted.StartedUtc.AddMinutes(-1)), cancellationToken);
            await settler.ReconcileAsync(target, interrupted.Id, unknown, lookup, connector.Descriptor.LookupMissIsProof, cancellationToken);
            return;
        }

        if (await SendAsync(target, connector, grant.Value, content, fingerprintMedia, cancellationToken) is not { } sent)
        {
            return; // the claim was lost (settled or re-claimed elsewhere): nothing was sent
        }

        var (attemptId, result) = sent;

        if (result.Failure?.Kind == FailureKind.AuthExpired)
        {
            var refreshed = await credentials.RefreshAsync(target.ChannelId, connector, force: true, cancellationToken);
            if (!refreshed.Succeeded)
            {
                await settler.SettleAsync(target, attemptId, ConnectorResult<PublishedPost>.Fail(refreshed.Failure!), cancellationToken);
                return;
            }

            await settler.CloseAttemptAsync(attemptId, result, cancellationToken);
            if (await SendAsync(target, connector, refreshed.Value, content, fingerprintMedia, cancellationToken) is not { } resent)
            {
                return;
            }

            (attemptId, result) = resent;
        }

        await gate.ObserveAsync(target.ChannelId, connector.Descriptor.Key, result);
        if (result.Failure is { } failure && MayHaveBeenStored(failure.Kind))
        {
            var sentAfter = time.GetUtcNow().UtcDateTime.AddMinutes(-10);
            var found = await connector.LookupAsync(new LookupRequest(grant.Value, content, target.IdempotencyKey, sentAfter), cancellationToken);
            await settler.ReconcileAsync(target, attemptId, failure, found, connector.Descriptor.LookupMissIsProof, cancellationToken);
            return;
        }

        await settler.SettleAsync(target, attemptId, result, cancellationToken);
    }

    /// <summary>Records the attempt, then sends; null when the claim was lost before anything was sent.</summary>
    private async Task<(long AttemptId, ConnectorResult<PublishedPost> Result)?> SendAsync(
        PostTarget target, ISocialConnector connector, ChannelCredentials grant, PostContent content, string mediaHashes, CancellationToken cancellationToken)
    {
        if (await settler.OpenAttemptAsync(target.Id, target.ClaimId, Fingerprint(target, content, mediaHashes), cancellationToken) is not long attemptId)
        {
            return null;
        }

        ConnectorResult<PublishedPost> result;
        try
        {
            result = await connector.PublishAsync(new PublishRequest(grant, content, target.IdempotencyKey), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            result = ConnectorResult<PublishedPost>.Fail(FailureKind.OutcomeUnknown, "The connection failed while the post was being sent: " + e.Message);
        }

        return (attemptId, result);
    }

    /// <summary>
    /// Any answer to a publish that is not a clear refusal (a 5xx, a gateway error, Facebook's codes 1 and 2, a reset, a
    /// timeout) may hide a stored post: look it up before anything is sent again (ADR 0014).
    /// </summary>
    private static bool MayHaveBeenStored(FailureKind kind) => kind is FailureKind.OutcomeUnknown or FailureKind.Transient or FailureKind.Unavailable;

    private static string Fingerprint(PostTarget target, PostContent content, string mediaHashes)
    {
        var material = $"{target.Channel!.PlatformKey}\n{target.Channel.AccountId}\n{target.IdempotencyKey}\n{content.Text}" + (mediaHashes.Length > 0 ? "\n" + mediaHashes : "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }
}
