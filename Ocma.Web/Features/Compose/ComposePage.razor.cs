using Microsoft.AspNetCore.Components;
using Ocma.Core;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Channels;
using Ocma.Core.Posts;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Compose;

/// <summary>
/// The composer: a new post (saved as a draft while it is written), an existing one (<c>?post=</c>) or a copy of one
/// (<c>?from=</c>), with each channel's own text.
/// </summary>
public partial class ComposePage
{
    private static readonly TimeSpan AutosavePause = TimeSpan.FromSeconds(1.5);
    private Brand? _brand;
    private List<ChannelSummary> _channels = [];
    private readonly HashSet<int> _selected = [];
    private readonly Dictionary<int, string> _variants = [];
    private readonly Dictionary<int, EditableTarget> _locked = [];
    private string _text = "";
    private string _notes = "";
    private ComposeMode _mode = ComposeMode.PublishNow;
    private DateTime? _localDue;
    private string? _error;
    private string? _saved;
    private int? _savedPostId;
    private bool _busy;
    private readonly HashSet<long> _usedGenerations = [];
    private int? _postId;
    private DateTime _version;
    private bool _isDraftPost = true;
    private string? _autosaveNote;
    private DateTime? _lastSavedUtc;
    private (int?, int?) _loadedFor = (-1, -1);
    private Autosaver? _autosave;

    [SupplyParameterFromQuery(Name = "post")]
    public int? PostId { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public int? FromId { get; set; }

    [Inject]
    private BrandService Brands { get; set; } = default!;

    [Inject]
    private ChannelService ChannelService { get; set; } = default!;

    [Inject]
    private ComposeService Compose { get; set; } = default!;

    [Inject]
    private PostEditService Edits { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private Core.Drafting.GenerationLinkService Generations { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private string Title => PostId is not null ? "Edit post" : FromId is not null ? "Compose (copy)" : "Compose";

    private List<ChannelSummary> SelectedChannels => _channels.Where(c => _selected.Contains(c.Id)).ToList();

    private IReadOnlyList<ChannelCheck> Checks => Compose.Check(_text, SelectedChannels, LiveVariants);

    /// <summary>What each channel gets: its own text, or for a channel already sent, the text it was sent with.</summary>
    private Dictionary<int, string> LiveVariants => _variants.Concat(_locked.Select(l => KeyValuePair.Create(l.Key, l.Value.Text))).ToDictionary();

    private bool CanSubmit => _selected.Count > 0 && _text.Trim().Length > 0
        && (_mode == ComposeMode.SaveDraft || Checks.Where(c => !_locked.ContainsKey(c.Channel.Id)).All(c => c.Validation?.IsValid == true));

    private bool CanAutosave => _isDraftPost && _selected.Count > 0 && _text.Trim().Length > 0 && !_busy;

    private string SubmitText => _mode switch
    {
        ComposeMode.Schedule => "Schedule",
        ComposeMode.SaveDraft => "Save draft",
        _ => "Publish now",
    };

    protected override async Task OnInitializedAsync()
    {
        _brand = await Brands.GetCurrentAsync(CancellationToken.None);
        _autosave = new Autosaver(() => InvokeAsync(AutosaveAsync), AutosavePause, Time);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == (PostId, FromId))
        {
            return;
        }

        _loadedFor = (PostId, FromId);
        await StartAsync((PostId ?? FromId) is int id ? await Edits.LoadAsync(id, _brand!.Id, CancellationToken.None) : null);
    }

    /// <summary>Fills the form from the post being edited or copied, or empties it for a new post.</summary>
    private async Task StartAsync(EditablePost? post)
    {
        _selected.Clear();
        _variants.Clear();
        _locked.Clear();
        (_postId, _isDraftPost, _error, _saved, _autosaveNote) = (null, true, null, null, null);
        (_text, _notes) = (post?.Text ?? "", post?.Notes ?? "");
        var all = await ChannelService.ListAsync(_brand!.Id, CancellationToken.None);
        var onPost = post?.Targets.Select(t => t.ChannelId).ToHashSet() ?? [];
        _channels = all.Where(c => c.CanPublish || onPost.Contains(c.Id)).ToList();
        _localDue = Core.Calendar.ZoneClock.ToWallClock((post?.DueUtc ?? Time.GetUtcNow().UtcDateTime.AddHours(1)), _brand.TimeZoneId);
        _localDue = _localDue.Value.AddSeconds(-_localDue.Value.Second);
        _mode = ComposeMode.PublishNow;
        if ((PostId ?? FromId) is int missing && post is null)
        {
            _error = $"There is no post {missing}: it may have been removed, or the link is wrong. You can write a new post here.";
        }

        foreach (var target in post?.Targets.Where(t => PostId is not null || t.State != TargetState.Canceled) ?? [])
        {
            _selected.Add(target.ChannelId);
            if (PostId is not null && !target.CanChange)
            {
                _locked[target.ChannelId] = target;
            }
            else if (target.VariantText is not null)
            {
                _variants[target.ChannelId] = target.VariantText;
            }
        }

        if (post is not null)
        {
            _mode = PostId is null || post.IsDraft ? ComposeMode.SaveDraft : ComposeMode.Schedule;
            if (PostId is not null)
            {
                (_postId, _version, _isDraftPost) = (post.PostId, post.Version, post.IsDraft);
            }
        }
        else if (_channels.Count == 1)
        {
            _selected.Add(_channels[0].Id);
        }
    }

    private string? VariantOf(int channelId) => _locked.TryGetValue(channelId, out var sent) ? sent.Text : _variants.GetValueOrDefault(channelId);

    private void Toggle(int channelId, ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            _selected.Add(channelId);
        }
        else
        {
            _selected.Remove(channelId);
        }

        Edited();
    }

    private void VariantChanged(int channelId, string? text)
    {
        if (text is null)
        {
            _variants.Remove(channelId);
        }
        else
        {
            _variants[channelId] = text;
        }

        Edited();
    }

    /// <summary>A drafted variant becomes the own text of every picked, unsent channel on its platform.</summary>
    private void UseVariant(Core.Drafting.ChannelVariant variant)
    {
        foreach (var channel in SelectedChannels.Where(c => c.PlatformKey == variant.Channel.Key && !_locked.ContainsKey(c.Id)))
        {
            _variants[channel.Id] = variant.Draft.Text;
        }

        Edited();
    }

    private void NotesChanged(string notes)
    {
        _notes = notes;
        Edited();
    }

    private void Edited()
    {
        if (CanAutosave)
        {
            _autosave?.Changed();
        }
    }

    private ComposeRequest Request(ComposeMode mode) => new(
        _brand!.Id,
        _text,
        _selected.ToList(),
        mode,
        mode == ComposeMode.PublishNow ? null : _localDue,
        _variants.Where(v => _selected.Contains(v.Key)).ToDictionary(),
        _notes);

    /// <summary>Stores the form: a new post the first time, then that same post, with the token of the last save.</summary>
    private async Task<Result<Post>> SaveAsync(ComposeMode mode, Actor actor)
    {
        var result = _postId is int id
            ? await Edits.SaveAsync(id, _version, Request(mode), actor, CancellationToken.None)
            : await Compose.SubmitAsync(Request(mode), actor, CancellationToken.None);
        if (result.Succeeded)
        {
            (_postId, _version, _lastSavedUtc) = (result.Value.Id, result.Value.UpdatedUtc, result.Value.UpdatedUtc);
            await Generations.AttachAsync(_usedGenerations, result.Value.Id, actor.UserId!, CancellationToken.None);
            _usedGenerations.Clear();
        }

        return result;
    }

    private async Task AutosaveAsync()
    {
        if (!CanAutosave)
        {
            return;
        }

        var result = await SaveAsync(ComposeMode.SaveDraft, await CurrentActor.GetAsync());
        _autosaveNote = result.Succeeded
            ? $"Draft saved {Core.Calendar.ZoneClock.ToWallClock(result.Value.UpdatedUtc, _brand!.TimeZoneId):HH:mm:ss}"
            : $"Draft not saved: {result.Error}";
        StateHasChanged();
    }

    private async Task SubmitAsync()
    {
        _busy = true;
        (_error, _saved) = (null, null);
        try
        {
            await _autosave!.SettleAsync();
            var result = await SaveAsync(_mode, await CurrentActor.GetAsync());
            if (!result.Succeeded)
            {
                _error = result.Error;
                return;
            }

            var targets = result.Value.Targets.Where(t => t.State != TargetState.Canceled).ToList();
            _savedPostId = result.Value.Id;
            _saved = _mode switch
            {
                ComposeMode.Schedule => $"Scheduled for {ZoneTime.Format(targets.Where(t => t.State == TargetState.Scheduled).Min(t => t.DueUtc), _brand!.TimeZoneId)} on {targets.Count} channel(s).",
                ComposeMode.SaveDraft => "Draft saved.",
                _ => $"Publishing to {targets.Count} channel(s) now.",
            };
            _autosaveNote = null;
            _isDraftPost = _mode == ComposeMode.SaveDraft;
            if (PostId is null)
            {
                // A new post is done: the form is ready for the next one.
                (_postId, _text, _notes, _isDraftPost) = (null, "", "", true);
                _variants.Clear();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose() => _autosave?.Dispose();
}
