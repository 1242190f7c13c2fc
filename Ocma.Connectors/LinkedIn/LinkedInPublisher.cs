using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.LinkedIn;

/// <summary>One publish or lookup: upload images (initialize → PUT → wait for AVAILABLE), then create the post.</summary>
internal sealed class LinkedInPublisher(LinkedInApiClient client, LinkedInOptions options)
{
    public async Task<ConnectorResult<PublishedPost>> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var credentials = request.Credentials;
        var images = new List<LinkedInMedia>();
        foreach (var item in request.Content.Media)
        {
            var uploaded = await UploadAsync(credentials, item, cancellationToken);
            if (!uploaded.Succeeded)
            {
                return uploaded.Failure!;
            }

            images.Add(new LinkedInMedia(uploaded.Value, item.AltText));
        }

        var content = images.Count switch
        {
            0 => null,
            1 => new LinkedInContent(images[0], null),
            _ => new LinkedInContent(null, new LinkedInMultiImage(images)),
        };
        var post = new LinkedInPost(
            credentials.AccountId,
            LinkedInText.ToCommentary(request.Content.Text),
            "PUBLIC",
            new LinkedInDistribution("MAIN_FEED", [], []),
            content,
            "PUBLISHED",
            false);
        var created = await client.CreatePostAsync(credentials, post, cancellationToken);
        return created.Succeeded ? ConnectorResult<PublishedPost>.Success(ToPost(created.Value)) : created.Failure!;
    }

    /// <summary>LinkedIn takes no idempotency key: look for this author's post with the same commentary since the first attempt.</summary>
    public async Task<ConnectorResult<PublishedPost?>> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        var posts = await client.PostsByAuthorAsync(request.Credentials, cancellationToken);
        if (!posts.Succeeded)
        {
            return posts.Failure!.Kind == FailureKind.Misconfigured ? CannotRead(posts.Failure, request.Credentials) : posts.Failure!;
        }

        var commentary = LinkedInText.ToCommentary(request.Content.Text);
        var since = new DateTimeOffset(DateTime.SpecifyKind(request.SentAfterUtc, DateTimeKind.Utc)) - options.LookupClockSkew;
        var match = (posts.Value.Elements ?? []).FirstOrDefault(p =>
            p.Commentary == commentary && (p.CreatedAt is null || DateTimeOffset.FromUnixTimeMilliseconds(p.CreatedAt.Value) >= since));
        return ConnectorResult<PublishedPost?>.Success(match is null ? null : ToPost(match.Id));
    }

    private async Task<ConnectorResult<string>> UploadAsync(ChannelCredentials credentials, MediaItem item, CancellationToken cancellationToken)
    {
        var init = await client.InitializeImageUploadAsync(credentials, credentials.AccountId, cancellationToken);
        if (!init.Succeeded || init.Value.Value is not { } upload || !Uri.TryCreate(upload.UploadUrl, UriKind.Absolute, out var uploadUrl))
        {
            return init.Succeeded ? ConnectorHttp.Unreadable(LinkedInErrors.Platform) : init.Failure!;
        }

        byte[] bytes;
        await using (var stream = await item.OpenRead(cancellationToken))
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }

        var put = await client.UploadImageAsync(credentials, uploadUrl, bytes, item.ContentType, cancellationToken);
        if (!put.Succeeded)
        {
            return put.Failure!;
        }

        for (var attempt = 0; attempt < options.ImagePollAttempts; attempt++)
        {
            var image = await client.ImageAsync(credentials, upload.Image, cancellationToken);
            switch (image)
            {
                case { Succeeded: false }:
                    return image.Failure!;
                case { Value.Status: "AVAILABLE" }:
                    return ConnectorResult<string>.Success(upload.Image);
                case { Value.Status: "PROCESSING_FAILED" }:
                    return ConnectorResult<string>.Fail(FailureKind.Rejected, $"LinkedIn could not process '{item.FileName}': use another image.", "PROCESSING_FAILED");
            }

            await Task.Delay(options.ImagePollInterval, cancellationToken);
        }

        return ConnectorResult<string>.Fail(FailureKind.Transient, $"LinkedIn is still processing '{item.FileName}'; Ocma will try again.");
    }

    /// <summary>LinkedIn would not list the author's posts (a missing read permission): Ocma cannot check, and says why and what to do.</summary>
    private ConnectorFailure CannotRead(ConnectorFailure refused, ChannelCredentials credentials) =>
        new(FailureKind.Misconfigured, LinkedInScopes.CannotReadReason(credentials.AccountId, credentials.Scopes, LinkedInScopes.Requested(options.Scopes)), refused.PlatformCode);

    private static PublishedPost ToPost(string urn) => new(urn, new Uri($"https://www.linkedin.com/feed/update/{Uri.EscapeDataString(urn)}/"));
}
