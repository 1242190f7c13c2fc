using System.Globalization;
using System.Text.RegularExpressions;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Facebook;

/// <summary>One publish or lookup on a Page: a feed post, a photo post, or several unpublished photos attached to a feed post.</summary>
internal sealed partial class FacebookPublisher(FacebookApiClient client, FacebookOptions options)
{
    public async Task<ConnectorResult<PublishedPost>> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var (page, token, content) = (request.Credentials.AccountId, request.Credentials.AccessToken, request.Content);
        ConnectorResult<FacebookCreated> created;
        if (content.Media.Count == 1)
        {
            await using var stream = await content.Media[0].OpenRead(cancellationToken);
            created = await client.UploadPhotoAsync(page, token, content.Media[0], stream, content.Text, published: true, cancellationToken);
        }
        else
        {
            var form = new Dictionary<string, string> { ["message"] = content.Text };
            for (var i = 0; i < content.Media.Count; i++)
            {
                await using var stream = await content.Media[i].OpenRead(cancellationToken);
                var photo = await client.UploadPhotoAsync(page, token, content.Media[i], stream, null, published: false, cancellationToken);
                if (!photo.Succeeded)
                {
                    return photo.Failure!;
                }

                form[$"attached_media[{i.ToString(CultureInfo.InvariantCulture)}]"] = $"{{\"media_fbid\":\"{photo.Value.Id}\"}}";
            }

            created = await client.PostToFeedAsync(page, token, form, cancellationToken);
        }

        if (!created.Succeeded)
        {
            return created.Failure!;
        }

        var id = created.Value.PostId ?? created.Value.Id;
        return ConnectorResult<PublishedPost>.Success(new PublishedPost(id, new Uri("https://www.facebook.com/" + Uri.EscapeDataString(id))));
    }

    /// <summary>Pages take no idempotency key: look for a Page post with the same words since the first attempt.</summary>
    public async Task<ConnectorResult<PublishedPost?>> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        var since = new DateTimeOffset(DateTime.SpecifyKind(request.SentAfterUtc, DateTimeKind.Utc)) - options.LookupClockSkew;
        var posts = await client.PostsSinceAsync(request.Credentials.AccountId, request.Credentials.AccessToken, since, cancellationToken);
        if (!posts.Succeeded)
        {
            return posts.Failure!;
        }

        var wanted = Normalize(request.Content.Text);
        var match = (posts.Value.Data ?? []).FirstOrDefault(p => Normalize(p.Message ?? string.Empty) == wanted);
        return ConnectorResult<PublishedPost?>.Success(match is null ? null : new PublishedPost(match.Id, new Uri("https://www.facebook.com/" + Uri.EscapeDataString(match.Id))));
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
