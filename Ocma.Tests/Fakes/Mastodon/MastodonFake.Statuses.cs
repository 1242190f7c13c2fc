using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.Mastodon;

public sealed partial class MastodonFake
{
    private async Task<IResult> PostStatus(HttpContext context)
    {
        if (Authenticate(context, out var token) is { } refused)
        {
            return refused;
        }

        using var json = await JsonDocument.ParseAsync(context.Request.Body);
        var root = json.RootElement;
        if (Chaos?.BeforeCommit(context) is { } chaos)
        {
            return chaos;
        }

        var text = root.TryGetProperty("status", out var s) ? s.GetString() ?? string.Empty : string.Empty;
        var mediaIds = root.TryGetProperty("media_ids", out var m) && m.ValueKind == JsonValueKind.Array
            ? m.EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];
        var key = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
        MastodonFakeStatus stored;
        lock (_gate)
        {
            var earlier = key is null || !HonourIdempotencyKey ? null : _statuses.FirstOrDefault(x => x.IdempotencyKey == key && x.AccountId == token.AccountId && Now - x.CreatedAt < TimeSpan.FromHours(1));
            if (earlier is not null)
            {
                return Results.Json(StatusJson(earlier));
            }

            if (string.IsNullOrWhiteSpace(text) && mediaIds.Count == 0)
            {
                return Error(422, "Validation failed: Text can't be blank");
            }

            if (CountCharacters(text) > MaxCharacters)
            {
                return Error(422, $"Validation failed: Text character limit of {MaxCharacters} exceeded");
            }

            if (mediaIds.Count > 4 || mediaIds.Any(id => !_media.TryGetValue(id, out var media) || media.AccountId != token.AccountId))
            {
                return Error(422, "Validation failed: Media attachments are invalid");
            }

            if (mediaIds.Count > 1 && mediaIds.Any(id => _media[id].Type == "video"))
            {
                return Error(422, "Validation failed: Cannot attach a video to a post that already contains images");
            }

            if (mediaIds.Any(id => _media[id].PollsLeft > 0))
            {
                return Error(422, "Cannot attach files that have not finished processing. Try again in a moment!");
            }

            stored = new MastodonFakeStatus((110_000_000 + _statuses.Count).ToString(CultureInfo.InvariantCulture), token.AccountId, text, Now, key, mediaIds);
            _statuses.Add(stored);
        }

        return await AnswerAfterCommit(context, Results.Json(StatusJson(stored)));
    }

    private async Task<IResult> AnswerAfterCommit(HttpContext context, IResult answer)
    {
        if (StatusLatency > TimeSpan.Zero)
        {
            await Task.Delay(StatusLatency, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (Chaos is not null && await Chaos.AfterCommitAsync(context))
        {
            return Results.Empty;
        }

        if (DropAfterCommitNext)
        {
            DropAfterCommitNext = false;
            context.Abort();
            return Results.Empty;
        }

        if (StallAfterCommitNext is { } stall)
        {
            StallAfterCommitNext = null;
            await Task.Delay(stall, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return answer;
    }

    /// <summary>Newest first, at most 40 (Mastodon's cap); <c>max_id</c> pages back to statuses older than that id, as the Link header's "next" does.</summary>
    private IResult ListStatuses(HttpContext context, string id, int? limit, string? max_id)
    {
        if (Authenticate(context, out _) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            var olderThan = max_id is null ? long.MaxValue : long.Parse(max_id, CultureInfo.InvariantCulture);
            var page = _statuses.Where(x => x.AccountId == id && long.Parse(x.Id, CultureInfo.InvariantCulture) < olderThan).OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id, StringComparer.Ordinal)
                .Take(Math.Clamp(limit ?? 20, 1, 40)).Select(StatusJson).ToList();
            return Results.Json(page);
        }
    }
}
