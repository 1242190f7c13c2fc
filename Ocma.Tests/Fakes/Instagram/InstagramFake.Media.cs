using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.Instagram;

public sealed partial class InstagramFake
{
    private async Task<IResult> CreateContainer(HttpContext context, string userId)
    {
        if (Authenticate(context) is { } refused)
        {
            return refused;
        }

        var form = await context.Request.ReadFormAsync();
        var caption = form["caption"].FirstOrDefault();
        if (caption is not null && (new StringInfo(caption).LengthInTextElements > 2200 || Hashtags().Count(caption) > 30))
        {
            return GraphError(100, "(#100) The caption is too long or has more than 30 hashtags.");
        }

        var children = form["children"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (form["media_type"] == "CAROUSEL")
        {
            lock (_gate)
            {
                if (children.Length is < 2 or > 10 || children.Any(c => !_containers.TryGetValue(c, out var child) || !child.CarouselItem || child.PollsLeft > 0))
                {
                    return GraphError(100, "(#100) A carousel needs 2 to 10 finished carousel items.");
                }
            }
        }
        else if (!Uri.TryCreate(form["image_url"], UriKind.Absolute, out var imageUrl) || !await CanFetchAsync(imageUrl))
        {
            return GraphError(9004, "Media download has failed. The media URI doesn't meet our requirements.", 2207052);
        }

        lock (_gate)
        {
            var container = new InstagramFakeContainer(NextId(), caption, form["is_carousel_item"] == "true", children, Now) { PollsLeft = ContainerProcessingPolls };
            _containers[container.Id] = container;
            return Results.Json(new { id = container.Id });
        }
    }

    /// <summary>
    /// Meta fetches the image itself ("we cURL media"): an address it cannot reach, an error status, or a body that is
    /// not an image (by its Content-Type) fails the container. Every fetch is recorded in <see cref="Fetches"/>.
    /// </summary>
    private async Task<bool> CanFetchAsync(Uri url)
    {
        try
        {
            using var response = await _fetcher.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            var contentType = response.Content.Headers.ContentType?.MediaType;
            lock (_gate)
            {
                _fetches.Add(new InstagramFakeFetch(url, (int)response.StatusCode, contentType, body));
            }

            return response.IsSuccessStatusCode && body.Length > 0 && contentType is not null && contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);
        }
        catch (HttpRequestException)
        {
            lock (_gate)
            {
                _fetches.Add(new InstagramFakeFetch(url, 0, null, []));
            }

            return false;
        }
    }

    private IResult Node(HttpContext context, string id)
    {
        if (Authenticate(context) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            if (_media.FirstOrDefault(m => m.Id == id) is { } media)
            {
                return Results.Json(MediaJson(media));
            }

            if (!_containers.TryGetValue(id, out var container))
            {
                return GraphError(100, "(#100) Object does not exist");
            }

            var status = container.Published ? "PUBLISHED" : Now - container.Created > TimeSpan.FromHours(24) ? "EXPIRED" : container.PollsLeft-- > 0 ? "IN_PROGRESS" : "FINISHED";
            return Results.Json(new { id, status_code = status, status = status == "IN_PROGRESS" ? "In Progress" : "Finished: Media has been uploaded and it is ready to be published." });
        }
    }

    private async Task<IResult> Publish(HttpContext context, string userId)
    {
        if (Authenticate(context) is { } refused)
        {
            return refused;
        }

        var form = await context.Request.ReadFormAsync();
        InstagramFakeMedia media;
        lock (_gate)
        {
            if (!_containers.TryGetValue(form["creation_id"].ToString(), out var container) || container.CarouselItem || container.Published)
            {
                return GraphError(100, "(#100) The media can't be published: unknown, already published, or a carousel item.");
            }

            if (container.PollsLeft > 0)
            {
                return GraphError(9007, "Media ID is not available", 2207027);
            }

            if (_media.Count(m => Now - m.Timestamp < TimeSpan.FromHours(24)) >= PublishesPer24Hours)
            {
                return GraphError(9, "Application request limit reached: you reached the maximum number of posts allowed in 24 hours.", 2207042, 403);
            }

            container.Published = true;
            media = new InstagramFakeMedia(NextId(), container.Caption ?? string.Empty, Now, container.Id);
            _media.Add(media);
        }

        if (DropAfterCommitNext)
        {
            DropAfterCommitNext = false;
            context.Abort();
            return Results.Empty;
        }

        return Results.Json(new { id = media.Id });
    }

    private IResult ListMedia(HttpContext context, string userId, int? limit)
    {
        if (Authenticate(context) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            return Results.Json(new { data = _media.OrderByDescending(m => m.Timestamp).Take(limit ?? 25).Select(MediaJson).ToList() });
        }
    }

    private object MediaJson(InstagramFakeMedia media) => new
    {
        id = media.Id,
        caption = media.Caption,
        timestamp = media.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture),
        permalink = HostilePermalink ?? "https://www.instagram.com/p/" + media.Id[^8..] + "/",
    };

    [GeneratedRegex(@"(?<=^|\s)#[\p{L}\p{N}_]+")]
    private static partial Regex Hashtags();
}
