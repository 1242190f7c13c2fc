using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Channels;

namespace Ocma.Core.Posts;

/// <summary>What an edit of a post changes: targets kept (and updated), removed and added, with the checked content.</summary>
internal sealed record EditPlan(CheckedContent Content, IReadOnlyList<PostTarget> Kept, IReadOnlyList<PostTarget> Removed, IReadOnlyList<Channel> Added);

/// <summary>The rules of editing a post, and the words that explain them.</summary>
internal static class EditRules
{
    /// <summary>Checks the request against the post as loaded: channels already sent stay as they are; the rest is checked like a new post.</summary>
    public static Result<EditPlan> Plan(
        Post post, ComposeRequest request, ComposeService compose, Brand brand, IReadOnlyDictionary<int, Channel> known, IReadOnlyDictionary<int, Media.MediaAsset> knownMedia, DateTime now)
    {
        var sent = post.Targets.Where(t => !PostEditService.CanEdit(t.State)).ToList();
        var images = post.Media.OrderBy(m => m.Position).Select(m => m.MediaAssetId);
        if (sent.Count > 0 && !images.SequenceEqual(request.MediaIds ?? []))
        {
            return Result.Fail<EditPlan>($"{Label(sent[0].Channel!)} is {StateWords(sent[0].State)}: the post's images went with it, so they can no longer change. Use Duplicate to post other images.");
        }

        foreach (var target in sent)
        {
            var label = Label(target.Channel!);
            if (!request.ChannelIds.Contains(target.ChannelId))
            {
                return Result.Fail<EditPlan>($"{label} is {StateWords(target.State)}: it has already gone to the platform, so it stays on the post. Tick it again to save your other changes.");
            }

            if (request.Variants?.GetValueOrDefault(target.ChannelId) is string variant && variant.Trim() != target.TextFor(post))
            {
                return Result.Fail<EditPlan>($"{label} is {StateWords(target.State)}: its text can no longer change. Reset it, or duplicate the post to send new words.");
            }
        }

        var sentChannels = sent.Select(t => t.ChannelId).ToHashSet();
        var open = post.Targets.Where(t => PostEditService.CanEdit(t.State)).ToList();
        if (open.Count == 0 && request.ChannelIds.All(sentChannels.Contains) && request.Text.Trim() != post.Text)
        {
            return Result.Fail<EditPlan>("Every channel of this post has already gone to the platform, so its text can no longer change. Use Duplicate to post new words.");
        }

        var checkedRequest = request with { Variants = request.Variants?.Where(v => !sentChannels.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value) };
        var content = compose.CheckContent(checkedRequest, brand, known, knownMedia, now, sentChannels);
        if (!content.Succeeded)
        {
            return Result.Fail<EditPlan>(content.Error!);
        }

        var chosen = content.Value.Channels.Select(c => c.Id).ToHashSet();
        var existing = post.Targets.Select(t => t.ChannelId).ToHashSet();
        return new EditPlan(
            content.Value,
            open.Where(t => chosen.Contains(t.ChannelId)).ToList(),
            open.Where(t => !chosen.Contains(t.ChannelId)).ToList(),
            content.Value.Channels.Where(c => !existing.Contains(c.Id)).ToList());
    }

    public static string Label(Channel channel) => $"{channel.Handle ?? channel.DisplayName} · {channel.PlatformKey}";

    public static string Conflict(DateTime? savedUtc, string zoneId) =>
        "Someone else saved this post " + (savedUtc is DateTime at ? $"at {ZoneClock.ToWallClock(at, zoneId):HH:mm:ss} " : "") +
        "after you opened it, so nothing was saved. Your text is still here: copy what you need, reload the post to see their change, and apply yours again.";

    public static string StateWords(TargetState state) => state switch
    {
        TargetState.Publishing => "being published right now",
        TargetState.Published => "already published",
        TargetState.Retrying => "being retried after a failed attempt",
        TargetState.NeedsAttention => "waiting for a person (Needs attention)",
        TargetState.Failed => "failed (see Needs attention)",
        TargetState.Canceled => "canceled",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static string Describe(EditPlan plan, ComposeMode mode) =>
        $"{mode}: {plan.Kept.Count} channel(s) updated, {plan.Added.Count} added, {plan.Removed.Count} removed" +
        (plan.Content.DueUtc is DateTime due ? $", due {due:yyyy-MM-dd HH:mm} UTC" : "");
}
