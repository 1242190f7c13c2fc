using System.Globalization;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Bluesky;

/// <summary>One publish or lookup: upload blobs, build facets, create the post record under a key derived from the idempotency key.</summary>
internal sealed class BlueskyPublisher(BlueskyApiClient client, BlueskyOptions options, TimeProvider time)
{
    public const string Collection = "app.bsky.feed.post";

    public async Task<ConnectorResult<PublishedPost>> PublishAsync(PublishRequest request, Uri service, CancellationToken cancellationToken)
    {
        var credentials = request.Credentials;
        var images = new List<BlueskyImage>();
        foreach (var item in request.Content.Media)
        {
            await using var stream = await item.OpenRead(cancellationToken);
            var blob = await client.UploadBlobAsync(service, credentials.AccessToken, stream, item.ContentType, cancellationToken);
            if (!blob.Succeeded)
            {
                return blob.Failure!;
            }

            var ratio = item is { Width: > 0, Height: > 0 } ? new BlueskyAspectRatio(item.Width.Value, item.Height.Value) : null;
            images.Add(new BlueskyImage(item.AltText ?? string.Empty, blob.Value.Blob.Clone(), ratio));
        }

        var text = request.Content.Text;
        var facets = await FacetsAsync(service, text, cancellationToken);
        var rkey = BlueskyRecordKey.From(request.IdempotencyKey);
        var record = new BlueskyPost(
            Collection,
            text,
            time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            options.Languages.Length > 0 ? options.Languages : null,
            facets.Count > 0 ? facets : null,
            images.Count > 0 ? new BlueskyImagesEmbed("app.bsky.embed.images", images) : null);
        var created = await client.CreateRecordAsync(service, credentials.AccessToken, new BlueskyCreateRecord(credentials.AccountId, Collection, rkey, record), cancellationToken);
        if (created.Succeeded)
        {
            return ConnectorResult<PublishedPost>.Success(ToPost(credentials.AccountId, created.Value.Uri, rkey)).WithBudget(created.Budget);
        }

        // No answer at all (the connection dropped) stays OutcomeUnknown: the pipeline reconciles it with its own lookups.
        return created.Failure!.Kind is FailureKind.Transient or FailureKind.Unavailable
            ? await LookUpAfterAsync(created.Failure, service, credentials, rkey, cancellationToken)
            : created.Failure;
    }

    public async Task<ConnectorResult<PublishedPost?>> LookupAsync(LookupRequest request, Uri service, CancellationToken cancellationToken)
    {
        var rkey = BlueskyRecordKey.From(request.IdempotencyKey);
        var found = await client.GetRecordAsync(service, request.Credentials.AccessToken, request.Credentials.AccountId, Collection, rkey, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        return ConnectorResult<PublishedPost?>.Success(found.Value is { } record ? ToPost(request.Credentials.AccountId, record.Uri, rkey) : null);
    }

    /// <summary>
    /// An answer that is not a refusal (a 5xx, an unreadable body) may hide a record that was stored: the reference PDS
    /// answers 500 to a create whose key exists (an earlier attempt's answer was lost), and a proxy can fail after the
    /// PDS committed. The key is this target's own, so the record under it is this post.
    /// </summary>
    private async Task<ConnectorResult<PublishedPost>> LookUpAfterAsync(ConnectorFailure answer, Uri service, ChannelCredentials credentials, string rkey, CancellationToken cancellationToken)
    {
        var found = await client.GetRecordAsync(service, credentials.AccessToken, credentials.AccountId, Collection, rkey, cancellationToken);
        if (!found.Succeeded)
        {
            return ConnectorResult<PublishedPost>.Fail(FailureKind.OutcomeUnknown, $"{answer.Message} Looking the post up failed too ({found.Failure!.Message}).", answer.PlatformCode);
        }

        return found.Value is { } record ? ConnectorResult<PublishedPost>.Success(ToPost(credentials.AccountId, record.Uri, rkey)) : answer;
    }

    private async Task<List<BlueskyFacet>> FacetsAsync(Uri service, string text, CancellationToken cancellationToken)
    {
        var facets = new List<BlueskyFacet>();
        foreach (var span in BlueskyFacets.Find(text))
        {
            BlueskyFacetFeature? feature = span.Kind switch
            {
                BlueskyFacets.Link => new BlueskyFacetFeature(span.Kind, Uri: span.Value),
                BlueskyFacets.Tag => new BlueskyFacetFeature(span.Kind, Tag: span.Value),
                _ => await MentionAsync(service, span.Value, cancellationToken),
            };
            if (feature is not null)
            {
                facets.Add(new BlueskyFacet(new BlueskyByteSlice(span.ByteStart, span.ByteEnd), [feature]));
            }
        }

        return facets;
    }

    /// <summary>A mention links to the account's DID; a handle that does not resolve stays plain text.</summary>
    private async Task<BlueskyFacetFeature?> MentionAsync(Uri service, string handle, CancellationToken cancellationToken)
    {
        var resolved = await client.ResolveHandleAsync(service, handle, cancellationToken);
        return resolved.Succeeded ? new BlueskyFacetFeature(BlueskyFacets.Mention, Did: resolved.Value.Did) : null;
    }

    private PublishedPost ToPost(string did, string atUri, string rkey) =>
        new(atUri, new Uri($"{options.AppViewUrl.TrimEnd('/')}/profile/{did}/post/{rkey}"));
}
