using Ocma.Core.Connectors;

namespace Ocma.Connectors.Shared;

/// <summary>The checks every platform shares, with messages that say what to fix. Pure and cheap.</summary>
public static class ContentRules
{
    public static List<string> Check(PostContent content, ContentLimits limits, string platform, int length)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(content.Text) && content.Media.Count == 0)
        {
            problems.Add("Write some text or add an image: the post is empty.");
        }

        if (length > limits.MaxTextLength)
        {
            var over = length - limits.MaxTextLength;
            problems.Add($"Shorten the text by {over} character{(over == 1 ? string.Empty : "s")}: {platform} allows {limits.MaxTextLength}.");
        }

        var videos = content.Media.Where(m => m.IsVideo).ToList();
        var images = content.Media.Where(m => !m.IsVideo).ToList();
        problems.AddRange(VideoProblems(videos, images.Count, limits, platform));
        if (images.Count > limits.MaxImages)
        {
            problems.Add(limits.MaxImages == 0
                ? $"Remove the media: Ocma posts only text to {platform}."
                : $"Remove {images.Count - limits.MaxImages} image(s): {platform} allows {limits.MaxImages} per post.");
        }

        foreach (var item in images)
        {
            if (!item.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"'{item.FileName}' is not an image: Ocma posts only images to {platform}.");
            }
            else if (limits.MaxImageBytes > 0 && item.Length > limits.MaxImageBytes)
            {
                problems.Add($"Use a smaller file than '{item.FileName}': {platform} accepts images up to {Describe(limits.MaxImageBytes)}.");
            }
            else if (item is { Width: > 0, Height: > 0 } && ShapeProblem(item, item.Width.Value, item.Height.Value, limits, platform) is string shape)
            {
                problems.Add(shape);
            }
        }

        return problems;
    }

    private static IEnumerable<string> VideoProblems(List<MediaItem> videos, int imageCount, ContentLimits limits, string platform)
    {
        if (videos.Count == 0)
        {
            yield break;
        }

        if (limits.MaxVideos == 0)
        {
            yield return $"{platform}: Ocma can't post video to {platform} yet — remove the video or untick {platform}.";
            yield break;
        }

        if (videos.Count > limits.MaxVideos)
        {
            yield return $"Remove {videos.Count - limits.MaxVideos} video(s): {platform} takes {limits.MaxVideos} per post.";
        }

        if (imageCount > 0 && !limits.MixesVideoWithImages)
        {
            yield return $"Remove the images or the video: {platform} doesn't put a video and images in the same post.";
        }

        foreach (var video in videos)
        {
            if (limits.MaxVideoBytes > 0 && video.Length > limits.MaxVideoBytes)
            {
                yield return $"Use a smaller video than '{video.FileName}' ({Describe(video.Length)}): {platform} accepts videos up to {Describe(limits.MaxVideoBytes)}.";
            }

            if (limits.MaxVideoDuration is { } longest && video.Duration is { } length && length > longest)
            {
                yield return $"Trim '{video.FileName}': it plays {Ocma.Core.Media.MediaDuration.Describe(length)} and {platform} accepts videos up to {Ocma.Core.Media.MediaDuration.Describe(longest)}.";
            }
        }
    }

    private static string? ShapeProblem(MediaItem item, int width, int height, ContentLimits limits, string platform)
    {
        if (limits.MaxImagePixels > 0 && (long)width * height > limits.MaxImagePixels)
        {
            return $"Scale '{item.FileName}' down: it is {width}×{height} pixels and {platform} accepts at most {limits.MaxImagePixels:N0} pixels per image.";
        }

        var aspect = (double)width / height;
        return (limits.MinAspect > 0 && aspect < limits.MinAspect) || (limits.MaxAspect > 0 && aspect > limits.MaxAspect)
            ? $"Crop '{item.FileName}': it is {width}×{height} ({aspect:0.##}:1) and {platform} accepts shapes from {limits.MinAspect:0.##}:1 to {limits.MaxAspect:0.##}:1."
            : null;
    }

    private static string Describe(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}
