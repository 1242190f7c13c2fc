using System.Net;
using System.Text.RegularExpressions;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Mastodon;

/// <summary>One publish or lookup: upload images or a video, wait (bounded) until the server processed them, post the status.</summary>
internal sealed partial class MastodonPublisher(MastodonApiClient client, MastodonOptions options)
{
    /// <summary>How far a look-up pages back: 25 pages of 40, a thousand statuses.</summary>
    private const int MaxLookupPages = 25;

    public async Task<ConnectorResult<PublishedPost>> PublishAsync(PublishRequest request, Uri instance, CancellationToken cancellationToken)
    {
        var token = request.Credentials.AccessToken;
        var mediaIds = new List<string>();
        foreach (var item in request.Content.Media)
        {
            var uploaded = await UploadAsync(instance, token, item, cancellationToken);
            if (!uploaded.Succeeded)
            {
                return uploaded.Failure!;
            }

            mediaIds.Add(uploaded.Value);
        }

        var status = new MastodonStatusRequest(request.Content.Text, mediaIds.Count > 0 ? mediaIds : null, options.Visibility);
        var posted = await client.PostStatusAsync(instance, token, status, request.IdempotencyKey, cancellationToken);
        return posted.Succeeded ? ToPost(posted.Value).WithBudget(posted.Budget) : posted.Failure!;
    }

    /// <summary>
    /// Pages back through the account's statuses until one matches or they are older than the send; a miss is only
    /// reported once the whole window was read (a busy account can post hundreds of statuses in a burst).
    /// </summary>
    public async Task<ConnectorResult<PublishedPost?>> LookupAsync(LookupRequest request, Uri instance, CancellationToken cancellationToken)
    {
        var wanted = Normalize(request.Content.Text);
        var since = new DateTimeOffset(DateTime.SpecifyKind(request.SentAfterUtc, DateTimeKind.Utc)).AddMinutes(-2);
        string? olderThan = null;
        for (var page = 0; page < MaxLookupPages; page++)
        {
            var statuses = await client.StatusesAsync(instance, request.Credentials.AccessToken, request.Credentials.AccountId, olderThan, cancellationToken);
            if (!statuses.Succeeded)
            {
                return statuses.Failure!;
            }

            if (statuses.Value.FirstOrDefault(s => s.CreatedAt >= since && Normalize(PlainText(s.Content)) == wanted) is { } match)
            {
                return ConnectorResult<PublishedPost?>.Success(ToPost(match).Value);
            }

            if (statuses.Value.Length < MastodonApiClient.StatusesPerPage || statuses.Value.Any(s => s.CreatedAt < since))
            {
                return ConnectorResult<PublishedPost?>.Success(null); // the whole window was read
            }

            olderThan = statuses.Value[^1].Id;
        }

        return ConnectorResult<PublishedPost?>.Fail(FailureKind.Transient,
            $"Ocma could not check whether the post went out: the account posted more than {MaxLookupPages * MastodonApiClient.StatusesPerPage} statuses since it was sent.");
    }

    private async Task<ConnectorResult<string>> UploadAsync(Uri instance, string token, MediaItem item, CancellationToken cancellationToken)
    {
        await using var stream = await item.OpenRead(cancellationToken);
        var uploaded = await client.UploadMediaAsync(instance, token, item, stream, cancellationToken);
        if (!uploaded.Succeeded || uploaded.Value.Url is not null)
        {
            return uploaded.Succeeded ? ConnectorResult<string>.Success(uploaded.Value.Id) : uploaded.Failure!;
        }

        var attempts = item.IsVideo ? options.VideoPollAttempts : options.MediaPollAttempts;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            await Task.Delay(options.MediaPollInterval, cancellationToken);
            var state = await client.GetMediaAsync(instance, token, uploaded.Value.Id, cancellationToken);
            if (!state.Succeeded)
            {
                return state.Failure!;
            }

            if (state.Value is not null)
            {
                return ConnectorResult<string>.Success(uploaded.Value.Id);
            }
        }

        var waited = options.MediaPollInterval * attempts;
        return ConnectorResult<string>.Fail(FailureKind.Transient,
            $"The Mastodon server had not finished processing '{item.FileName}' after {waited.TotalSeconds:0} seconds; Ocma will try again.");
    }

    private ConnectorResult<PublishedPost> ToPost(MastodonStatus status) =>
        ConnectorResult<PublishedPost>.Success(new PublishedPost(status.Id, PlatformLink.FromPlatform(status.Url, options.AllowHttpInstances) ?? PlatformLink.FromPlatform(status.Uri, options.AllowHttpInstances)));

    /// <summary>Mastodon returns posts as HTML; this gives back the words as typed.</summary>
    internal static string PlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = LineBreak().Replace(html, "\n");
        text = ParagraphBreak().Replace(text, "\n\n");
        return WebUtility.HtmlDecode(Tag().Replace(text, string.Empty));
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</p>\s*<p>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
