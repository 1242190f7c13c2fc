using Ocma.Core.Channels;
using Ocma.Core.Media;
using Ocma.Core.Posts;

namespace Ocma.Web.Features.Compose;

/// <summary>What the composer holds: base text, notes, images, picked channels, each channel's own text, and the channels already sent.</summary>
public sealed class ComposeForm
{
    public string Text { get; set; } = "";

    public string Notes { get; set; } = "";

    /// <summary>The campaign label, empty for none.</summary>
    public string Campaign { get; set; } = "";

    public ComposeMode Mode { get; set; } = ComposeMode.PublishNow;

    public DateTime? LocalDue { get; set; }

    public HashSet<int> Selected { get; } = [];

    /// <summary>Library images attached to the post, in order.</summary>
    public IReadOnlyList<MediaAsset> Media { get; set; } = [];

    /// <summary>Channels with their own text; the rest get <see cref="Text"/>.</summary>
    public Dictionary<int, string> Variants { get; } = [];

    /// <summary>Channels of the edited post that have gone to the platform: they keep their text and stay on the post.</summary>
    public Dictionary<int, EditableTarget> Sent { get; } = [];

    /// <summary>What each channel gets: its own text, or for a channel already sent, the text it was sent with.</summary>
    public Dictionary<int, string> TextByChannel => Variants.Concat(Sent.Select(s => KeyValuePair.Create(s.Key, s.Value.Text))).ToDictionary();

    /// <summary>Fills the form from a post: to edit it (<paramref name="editing"/>), keeping sent channels apart, or to copy it.</summary>
    public void Fill(EditablePost post, bool editing)
    {
        (Text, Notes, Campaign) = (post.Text, post.Notes ?? "", post.Campaign ?? "");
        Mode = editing && !post.IsDraft ? ComposeMode.Schedule : ComposeMode.SaveDraft;
        foreach (var target in post.Targets.Where(t => editing || t.State != TargetState.Canceled))
        {
            Selected.Add(target.ChannelId);
            if (editing && !target.CanChange)
            {
                Sent[target.ChannelId] = target;
            }
            else if (target.VariantText is not null)
            {
                Variants[target.ChannelId] = target.VariantText;
            }
        }
    }

    public string? VariantOf(int channelId) => Sent.TryGetValue(channelId, out var sent) ? sent.Text : Variants.GetValueOrDefault(channelId);

    public void SetVariant(int channelId, string? text)
    {
        if (text is null)
        {
            Variants.Remove(channelId);
        }
        else
        {
            Variants[channelId] = text;
        }
    }

    public void Toggle(int channelId, bool selected)
    {
        if (selected)
        {
            Selected.Add(channelId);
        }
        else
        {
            Selected.Remove(channelId);
        }
    }

    /// <summary>A drafted text becomes the own text of every picked channel on one platform that has not been sent.</summary>
    public void UseForPlatform(IEnumerable<ChannelSummary> picked, string platformKey, string text)
    {
        foreach (var channel in picked.Where(c => c.PlatformKey == platformKey && !Sent.ContainsKey(c.Id)))
        {
            Variants[channel.Id] = text;
        }
    }

    public ComposeRequest Request(int brandId, ComposeMode mode) => new(
        brandId,
        Text,
        Selected.ToList(),
        mode,
        mode is ComposeMode.PublishNow or ComposeMode.AddToQueue ? null : LocalDue,
        Variants.Where(v => Selected.Contains(v.Key)).ToDictionary(),
        Notes,
        Media.Select(m => m.Id).ToList(),
        Campaign);

    /// <summary>Ready for the next post, keeping the picked channels and the time.</summary>
    public void ClearTexts()
    {
        (Text, Notes, Media) = ("", "", []);
        Variants.Clear();
    }
}
