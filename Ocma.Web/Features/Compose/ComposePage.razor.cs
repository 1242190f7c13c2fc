using Microsoft.AspNetCore.Components;
using Ocma.Core;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Channels;
using Ocma.Core.Posts;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Compose;

/// <summary>
/// The composer: a new post (saved as a draft while it is written), an existing one (<c>?post=</c>) or a copy of one
/// (<c>?from=</c>), with each channel's own text.
/// </summary>
public partial class ComposePage : IDisposable
{
    private static readonly TimeSpan AutosavePause = TimeSpan.FromSeconds(1.5);
    private Brand? _brand;

    /// <summary>The brand of the post asked for by URL, when it is not the brand the user works in.</summary>
    private Brand? _elsewhere;
    private List<ChannelSummary> _channels = [];
    private ComposeForm _form = new();
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
    private IReadOnlyList<string> _campaigns = [];
    private bool _disposed;
    private bool _needsReview;

    [SupplyParameterFromQuery(Name = "post")]
    public int? PostId { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public int? FromId { get; set; }

    [Inject]
    private CurrentBrand CurrentBrand { get; set; } = default!;

    [Inject]
    private BrandService Brands { get; set; } = default!;

    [Inject]
    private Core.Media.MediaLibraryService Library { get; set; } = default!;

    [Inject]
    private PostQueries Queries { get; set; } = default!;

    [Inject]
    private ChannelService ChannelService { get; set; } = default!;

    [Inject]
    private ComposeService Compose { get; set; } = default!;

    [Inject]
    private PostEditService Edits { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private Core.Drafting.GenerationLinkService Generations { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private string Title => PostId is not null ? "Edit post" : FromId is not null ? "Compose (copy)" : "Compose";

    private List<ChannelSummary> SelectedChannels => _channels.Where(c => _form.Selected.Contains(c.Id)).ToList();

    private IReadOnlyList<ChannelCheck> Checks => Compose.Check(_form.Text, SelectedChannels, _form.TextByChannel, _form.Media);

    private bool CanSubmit => _form.Selected.Count > 0 && _form.Text.Trim().Length > 0
        && (_form.Mode == ComposeMode.SaveDraft || Checks.Where(c => !_form.Sent.ContainsKey(c.Channel.Id)).All(c => c.Validation?.IsValid == true));

    private bool CanAutosave => _isDraftPost && _form.Selected.Count > 0 && _form.Text.Trim().Length > 0 && !_busy && !_disposed;

    private string SubmitText => _needsReview && _form.Mode != ComposeMode.SaveDraft ? "Submit for approval" : _form.Mode switch
    {
        ComposeMode.Schedule => "Schedule",
        ComposeMode.AddToQueue => "Add to queue",
        ComposeMode.SaveDraft => "Save draft",
        _ => "Publish now",
    };

    protected override async Task OnInitializedAsync()
    {
        _brand = await CurrentBrand.GetAsync();
        _needsReview = Core.Approvals.ApprovalRules.NeedsReview(_brand.ApprovalsRequired, await CurrentActor.GetAsync());
        _campaigns = await Queries.CampaignsAsync(_brand.Id, CancellationToken.None);
        _autosave = new Autosaver(() => InvokeAsync(AutosaveAsync), AutosavePause, Time);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor != (PostId, FromId))
        {
            _loadedFor = (PostId, FromId);
            var owner = (PostId ?? FromId) is int asked ? await Brands.OwnerOfPostAsync(asked, CancellationToken.None) : null;
            if (owner is not null && !(await CurrentActor.GetAsync()).CanSee(owner.Id))
            {
                Navigation.NotFound(); // another brand's post is not there for someone outside that brand
                return;
            }

            _elsewhere = owner is not null && owner.Id != _brand!.Id ? owner : null;
            var brandId = _brand!.Id;
            await StartAsync((PostId ?? FromId) is int id && _elsewhere is null ? await Edits.LoadAsync(id, brandId, CancellationToken.None) : null);
        }
    }

    /// <summary>Fills the form from the post being edited or copied, or empties it for a new post.</summary>
    private async Task StartAsync(EditablePost? post)
    {
        _form = new ComposeForm();
        (_postId, _isDraftPost, _error, _saved, _autosaveNote) = (null, true, null, null, null);
        var all = await ChannelService.ListAsync(_brand!.Id, CancellationToken.None);
        var onPost = post?.Targets.Select(t => t.ChannelId).ToHashSet() ?? [];
        _channels = all.Where(c => c.CanPublish || onPost.Contains(c.Id)).ToList();
        var due = ZoneClock.ToWallClock(post?.DueUtc ?? Time.GetUtcNow().UtcDateTime.AddHours(1), _brand.TimeZoneId);
        _form.LocalDue = due.AddSeconds(-due.Second);
        if (post is not null)
        {
            _form.Fill(post, editing: PostId is not null);
            _form.Media = await Library.ForPostAsync(post.PostId, CancellationToken.None);
            if (PostId is not null)
            {
                (_postId, _version, _isDraftPost) = (post.PostId, post.Version, post.IsDraft);
            }
        }
        else if ((PostId ?? FromId) is int missing && _elsewhere is null)
        {
            _error = $"There is no post {missing}: it may have been removed, or the link is wrong. You can write a new post here.";
        }
        else if (_channels.Count == 1)
        {
            _form.Selected.Add(_channels[0].Id);
        }
    }

    private void Toggle(int channelId, bool selected)
    {
        _form.Toggle(channelId, selected);
        Edited();
    }

    private void CampaignChanged(string? campaign)
    {
        _form.Campaign = campaign ?? "";
        Edited();
    }

    private Task<IEnumerable<string>> SearchCampaignsAsync(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(_campaigns.Where(c => string.IsNullOrWhiteSpace(text) || c.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private void VariantChanged(int channelId, string? text)
    {
        _form.SetVariant(channelId, text);
        Edited();
    }

    private void UseVariant(Core.Drafting.ChannelVariant variant)
    {
        _form.UseForPlatform(SelectedChannels, variant.Channel.Key, variant.Draft.Text);
        Edited();
    }

    private void NotesChanged(string notes)
    {
        _form.Notes = notes;
        Edited();
    }

    private void Edited()
    {
        if (CanAutosave)
        {
            _autosave?.Changed();
        }
    }

    /// <summary>Stores the form: a new post the first time, then that same post, with the token of the last save.</summary>
    private async Task<Result<Post>> SaveAsync(ComposeMode mode, Actor actor)
    {
        var request = _form.Request(_brand!.Id, mode);
        var result = _postId is int id
            ? await Edits.SaveAsync(id, _version, request, actor, CancellationToken.None)
            : await Compose.SubmitAsync(request, actor, CancellationToken.None);
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
            ? $"Draft saved {ZoneClock.ToWallClock(result.Value.UpdatedUtc, _brand!.TimeZoneId):HH:mm:ss}"
            : $"Draft not saved: {result.Error}";
        if (!_disposed)
        {
            StateHasChanged();
        }
    }

    private async Task SubmitAsync()
    {
        _busy = true;
        (_error, _saved) = (null, null);
        try
        {
            await _autosave!.SettleAsync();
            var result = await SaveAsync(_form.Mode, await CurrentActor.GetAsync());
            if (!result.Succeeded)
            {
                _error = result.Error;
                return;
            }

            var targets = result.Value.Targets.Where(t => t.State != TargetState.Canceled).ToList();
            (_savedPostId, _autosaveNote, _isDraftPost) = (result.Value.Id, null, _form.Mode == ComposeMode.SaveDraft);
            _saved = targets.Any(t => t.State == TargetState.InReview)
                ? $"Sent for review on {targets.Count} channel(s): an Editor approves it before it goes out. Its review state shows in Activity."
                : _form.Mode switch
            {
                ComposeMode.Schedule => $"Scheduled for {ZoneTime.Format(targets.Where(t => t.State == TargetState.Scheduled).Min(t => t.DueUtc), _brand!.TimeZoneId)} on {targets.Count} channel(s).",
                ComposeMode.SaveDraft => "Draft saved.",
                ComposeMode.AddToQueue => "Queued: " + string.Join("; ", targets.Select(t => $"{_channels.FirstOrDefault(c => c.Id == t.ChannelId)?.Label ?? "channel"} at {ZoneTime.Format(t.DueUtc, _brand!.TimeZoneId)}")) + ".",
                _ => $"Publishing to {targets.Count} channel(s) now.",
            };
            if (PostId is null)
            {
                // A new post is done: the form is ready for the next one.
                (_postId, _isDraftPost) = (null, true);
                _form.ClearTexts();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _autosave?.Dispose();
    }
}
