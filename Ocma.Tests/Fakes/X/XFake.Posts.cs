using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.X;

public sealed partial class XFake
{
    private async Task<IResult> InitializeMedia(HttpContext context)
    {
        if (Authenticate(context, "media", 500, out _) is { } refused)
        {
            return refused;
        }

        using var json = await JsonDocument.ParseAsync(context.Request.Body);
        var total = json.RootElement.TryGetProperty("total_bytes", out var t) ? t.GetInt64() : 0;
        var category = json.RootElement.TryGetProperty("media_category", out var c) ? c.GetString() : null;
        if (total <= 0 || total > 5 * 1024 * 1024 || category is not ("tweet_image" or "tweet_gif" or "tweet_video"))
        {
            return Problem(400, "Invalid Request", "One or more parameters to your request was invalid.", "https://api.twitter.com/2/problems/invalid-request");
        }

        lock (_gate)
        {
            var media = new XFakeMedia((1_880_000_000_000_000_000L + _media.Count).ToString(CultureInfo.InvariantCulture), total, Now.AddDays(1)) { PollsLeft = MediaProcessingPolls, Fails = MediaProcessingFails };
            _media[media.Id] = media;
            return Results.Json(new { data = new { id = media.Id, media_key = "3_" + media.Id, expires_after_secs = 86400 } });
        }
    }

    private async Task<IResult> AppendMedia(HttpContext context, string id)
    {
        if (Authenticate(context, "media", 500, out _) is { } refused)
        {
            return refused;
        }

        var form = await context.Request.ReadFormAsync();
        var chunk = form.Files["media"];
        lock (_gate)
        {
            if (!_media.TryGetValue(id, out var media) || media.Finalized || Now >= media.Expires)
            {
                return Problem(400, "Invalid Request", "The media id is invalid or expired.");
            }

            var ok = int.TryParse(form["segment_index"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var segment);
            if (!ok || segment != media.NextSegment || segment > 999 || chunk is null || chunk.Length == 0 || chunk.Length > 5 * 1024 * 1024 || media.Received + chunk.Length > media.TotalBytes)
            {
                return Problem(400, "Invalid Request", "Segment index out of order, missing, or too large.");
            }

            media.NextSegment++;
            media.Received += chunk.Length;
            return Results.NoContent();
        }
    }

    private IResult FinalizeMedia(HttpContext context, string id)
    {
        if (Authenticate(context, "media", 500, out _) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            if (!_media.TryGetValue(id, out var media) || media.Received != media.TotalBytes)
            {
                return Problem(400, "Invalid Request", "File size does not match the declared total_bytes.");
            }

            media.Finalized = true;
            return Results.Json(new { data = MediaJson(media) });
        }
    }

    private IResult MediaStatus(HttpContext context, string? command, string? media_id)
    {
        if (Authenticate(context, "media-status", 1000, out _) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            if (command != "STATUS" || media_id is null || !_media.TryGetValue(media_id, out var media) || !media.Finalized)
            {
                return Problem(400, "Invalid Request", "Unknown media id.");
            }

            if (media.PollsLeft > 0)
            {
                media.PollsLeft--;
            }

            return Results.Json(new { data = MediaJson(media) });
        }
    }

    private static object MediaJson(XFakeMedia media) => new
    {
        id = media.Id,
        size = media.TotalBytes,
        processing_info = media.State switch
        {
            "succeeded" => (object)new { state = "succeeded", progress_percent = 100 },
            "failed" => new { state = "failed", progress_percent = 100, error = new { code = 1, name = "InvalidMedia", message = "Unsupported image format" } },
            _ => new { state = media.PollsLeft > 1 ? "pending" : "in_progress", check_after_secs = 1, progress_percent = 50 },
        },
    };
}
