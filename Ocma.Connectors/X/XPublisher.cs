using System.Text.RegularExpressions;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.X;

/// <summary>One publish or lookup on X: chunked media upload with processing checks, then the post.</summary>
internal sealed partial class XPublisher(XApiClient client, XOptions options)
{
    public async Task<ConnectorResult<PublishedPost>> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var credentials = request.Credentials;
        var mediaIds = new List<string>();
        foreach (var item in request.Content.Media)
        {
            var uploaded = await UploadAsync(credentials, item, cancellationToken);
            if (!uploaded.Succeeded)
            {
                return uploaded.Failure!;
            }

            mediaIds.Add(uploaded.Value);
        }

        var tweet = new XTweetRequest(request.Content.Text, mediaIds.Count > 0 ? new XTweetMedia(mediaIds) : null);
        var created = await client.CreateTweetAsync(credentials, tweet, cancellationToken);
        if (!created.Succeeded)
        {
            return created.Failure!;
        }

        return created.Value.Data is { } data
            ? ConnectorResult<PublishedPost>.Success(ToPost(data.Id)).WithBudget(created.Budget)
            : ConnectorHttp.Unreadable(XErrors.Platform);
    }

    /// <summary>X takes no idempotency key: look for a post of this account with the same words since the first attempt.</summary>
    public async Task<ConnectorResult<PublishedPost?>> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        var since = new DateTimeOffset(DateTime.SpecifyKind(request.SentAfterUtc, DateTimeKind.Utc)) - options.LookupClockSkew;
        var recent = await client.RecentTweetsAsync(request.Credentials, since, cancellationToken);
        if (!recent.Succeeded)
        {
            return recent.Failure!.Kind == FailureKind.Misconfigured ? CannotRead(recent.Failure) : recent.Failure!;
        }

        // X returns the text with &, < and > as HTML entities.
        var wanted = Comparable(request.Content.Text);
        var match = (recent.Value.Data ?? []).FirstOrDefault(t => Comparable(System.Net.WebUtility.HtmlDecode(t.Text ?? string.Empty)) == wanted);
        return ConnectorResult<PublishedPost?>.Success(match is null ? null : ToPost(match.Id));
    }

    private async Task<ConnectorResult<string>> UploadAsync(ChannelCredentials credentials, MediaItem item, CancellationToken cancellationToken)
    {
        byte[] bytes;
        await using (var stream = await item.OpenRead(cancellationToken))
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }

        var category = item.ContentType.Equals("image/gif", StringComparison.OrdinalIgnoreCase) ? "tweet_gif" : "tweet_image";
        var init = await client.InitializeMediaAsync(credentials, new XMediaInit(item.ContentType, bytes.Length, category), cancellationToken);
        if (!init.Succeeded || init.Value.Data is not { } media)
        {
            return init.Succeeded ? ConnectorHttp.Unreadable(XErrors.Platform) : init.Failure!;
        }

        for (int offset = 0, segment = 0; offset < bytes.Length; offset += options.MediaChunkBytes, segment++)
        {
            var chunk = bytes.AsMemory(offset, Math.Min(options.MediaChunkBytes, bytes.Length - offset));
            var appended = await client.AppendMediaAsync(credentials, media.Id, segment, chunk, cancellationToken);
            if (!appended.Succeeded)
            {
                return appended.Failure!;
            }
        }

        var finalized = await client.FinalizeMediaAsync(credentials, media.Id, cancellationToken);
        return finalized.Succeeded ? await WaitUntilProcessedAsync(credentials, media.Id, finalized.Value.Data?.ProcessingInfo, item.FileName, cancellationToken) : finalized.Failure!;
    }

    private async Task<ConnectorResult<string>> WaitUntilProcessedAsync(ChannelCredentials credentials, string mediaId, XProcessingInfo? info, string fileName, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < options.MediaPollAttempts; attempt++)
        {
            switch (info?.State)
            {
                case null or "succeeded":
                    return ConnectorResult<string>.Success(mediaId);
                case "failed":
                    return ConnectorResult<string>.Fail(FailureKind.Rejected, $"X could not process '{fileName}': {info.Error?.Message ?? "no reason given"}. Use another file.", info.Error?.Name);
            }

            var suggested = TimeSpan.FromSeconds(Math.Max(0, info.CheckAfterSecs ?? 1));
            await Task.Delay(suggested < options.MaxMediaPollDelay ? suggested : options.MaxMediaPollDelay, cancellationToken);
            var status = await client.MediaStatusAsync(credentials, mediaId, cancellationToken);
            if (!status.Succeeded)
            {
                return status.Failure!;
            }

            info = status.Value.Data?.ProcessingInfo;
        }

        return ConnectorResult<string>.Fail(FailureKind.Transient, $"X is still processing '{fileName}'; Ocma will try again.");
    }

    /// <summary>A timeline X will not show (the app's access tier, a missing read permission): Ocma cannot check, and says why (a clause, no final stop).</summary>
    private static ConnectorFailure CannotRead(ConnectorFailure refused) =>
        new(FailureKind.Misconfigured, refused.PlatformCode?.EndsWith("/client-forbidden", StringComparison.Ordinal) == true
            ? "X lets an app read an account's posts only on its Basic access tier or higher, and this app's tier does not allow it (upgrade the X app's access level)"
            : "X would not show the account's posts: reading them needs the tweet.read and users.read permissions (reconnect the channel to grant them) and the app's Basic access tier or higher", refused.PlatformCode);

    private static PublishedPost ToPost(string id) =>
        new(id, new Uri($"https://x.com/i/web/status/{Uri.EscapeDataString(id)}"));

    /// <summary>X rewrites links to t.co, so links are compared as "a link", and spacing is ignored.</summary>
    private static string Comparable(string text) =>
        Whitespace().Replace(Url().Replace(text.Normalize(System.Text.NormalizationForm.FormC), "<link>"), " ").Trim();

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
