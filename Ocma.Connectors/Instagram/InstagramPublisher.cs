using System.Text.RegularExpressions;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Instagram;

/// <summary>One publish or lookup: containers (a carousel for several images), wait until FINISHED, then media_publish.</summary>
internal sealed partial class InstagramPublisher(InstagramApiClient client, InstagramOptions options)
{
    /// <summary>Said by validation and by a publish attempt alike: Instagram fetches images itself, from a public address.</summary>
    internal const string NoPublicAddress =
        "Instagram fetches images itself and this Ocma has no public address for them: set PublicBaseUrl to the public https address of Ocma (one Instagram can reach).";

    public async Task<ConnectorResult<PublishedPost>> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var (credentials, content) = (request.Credentials, request.Content);
        if (content.Media.Count == 0)
        {
            return ConnectorResult<PublishedPost>.Fail(FailureKind.Rejected, "Add an image: Instagram posts need at least one.");
        }

        if (content.Media.Any(m => m.PublicUrl is null))
        {
            return ConnectorResult<PublishedPost>.Fail(FailureKind.Misconfigured, NoPublicAddress);
        }

        var container = content.Media.Count == 1
            ? await CreateAsync(credentials, Image(content.Media[0], carouselItem: false, content.Text), cancellationToken)
            : await CarouselAsync(credentials, content, cancellationToken);
        if (!container.Succeeded)
        {
            return container.Failure!;
        }

        var published = await client.PublishContainerAsync(credentials, container.Value, cancellationToken);
        if (!published.Succeeded)
        {
            return published.Failure!;
        }

        var media = await client.MediaAsync(credentials, published.Value.Id, cancellationToken);
        var link = media.Succeeded ? PlatformLink.FromPlatform(media.Value.Permalink) : null;
        return ConnectorResult<PublishedPost>.Success(new PublishedPost(published.Value.Id, link));
    }

    /// <summary>Instagram takes no idempotency key: look for a recent post of this account with the same caption.</summary>
    public async Task<ConnectorResult<PublishedPost?>> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        var recent = await client.RecentMediaAsync(request.Credentials, cancellationToken);
        if (!recent.Succeeded)
        {
            return recent.Failure!;
        }

        var since = new DateTimeOffset(DateTime.SpecifyKind(request.SentAfterUtc, DateTimeKind.Utc)) - options.LookupClockSkew;
        var wanted = Normalize(request.Content.Text);
        var match = (recent.Value.Data ?? []).FirstOrDefault(m =>
            Normalize(m.Caption ?? string.Empty) == wanted && (!InstagramTime.TryParse(m.Timestamp, out var at) || at >= since));
        return ConnectorResult<PublishedPost?>.Success(match is null ? null
            : new PublishedPost(match.Id, PlatformLink.FromPlatform(match.Permalink)));
    }

    private async Task<ConnectorResult<string>> CarouselAsync(ChannelCredentials credentials, PostContent content, CancellationToken cancellationToken)
    {
        var children = new List<string>();
        foreach (var item in content.Media)
        {
            var child = await CreateAsync(credentials, Image(item, carouselItem: true, caption: null), cancellationToken);
            if (!child.Succeeded)
            {
                return child;
            }

            children.Add(child.Value);
        }

        return await CreateAsync(credentials, new Dictionary<string, string>
        {
            ["media_type"] = "CAROUSEL",
            ["children"] = string.Join(',', children),
            ["caption"] = content.Text,
        }, cancellationToken);
    }

    private async Task<ConnectorResult<string>> CreateAsync(ChannelCredentials credentials, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var created = await client.CreateContainerAsync(credentials, fields, cancellationToken);
        return created.Succeeded ? await WaitUntilFinishedAsync(credentials, created.Value.Id, cancellationToken) : created.Failure!;
    }

    private async Task<ConnectorResult<string>> WaitUntilFinishedAsync(ChannelCredentials credentials, string containerId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < options.ContainerPollAttempts; attempt++)
        {
            var state = await client.ContainerAsync(credentials, containerId, cancellationToken);
            switch (state)
            {
                case { Succeeded: false }:
                    return state.Failure!;
                case { Value.StatusCode: "FINISHED" }:
                    return ConnectorResult<string>.Success(containerId);
                case { Value.StatusCode: "ERROR" }:
                    return ConnectorResult<string>.Fail(FailureKind.Rejected, $"Instagram could not prepare the image: {state.Value.Status ?? "no reason given"}.", "ERROR");
                case { Value.StatusCode: "EXPIRED" }:
                    return ConnectorResult<string>.Fail(FailureKind.Transient, "Instagram let the prepared post expire; Ocma will prepare it again.", "EXPIRED");
            }

            await Task.Delay(options.ContainerPollInterval, cancellationToken);
        }

        return ConnectorResult<string>.Fail(FailureKind.Transient, "Instagram is still preparing the image; Ocma will try again.");
    }

    private static Dictionary<string, string> Image(MediaItem item, bool carouselItem, string? caption)
    {
        var fields = new Dictionary<string, string> { ["image_url"] = item.PublicUrl!.ToString() };
        if (carouselItem)
        {
            fields["is_carousel_item"] = "true";
        }

        if (caption is not null)
        {
            fields["caption"] = caption;
        }

        if (item.AltText is { Length: > 0 } alt)
        {
            fields["alt_text"] = alt;
        }

        return fields;
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
