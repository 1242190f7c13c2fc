using Microsoft.AspNetCore.Components;
using Ocma.Core.Brands;
using Ocma.Core.Channels;
using Ocma.Core.Posts;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Compose;

public partial class ComposePage
{
    private Brand? _brand;
    private List<ChannelSummary> _channels = [];
    private readonly HashSet<int> _selected = [];
    private string _text = "";
    private ComposeMode _mode = ComposeMode.PublishNow;
    private DateTime? _localDue;
    private string? _error;
    private string? _saved;
    private bool _busy;
    private readonly HashSet<long> _usedGenerations = [];

    [Inject]
    private BrandService Brands { get; set; } = default!;

    [Inject]
    private ChannelService ChannelService { get; set; } = default!;

    [Inject]
    private ComposeService Compose { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private Core.Drafting.GenerationLinkService Generations { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private List<ChannelSummary> SelectedChannels => _channels.Where(c => _selected.Contains(c.Id)).ToList();

    private IReadOnlyList<ChannelCheck> Checks => Compose.Check(_text, _channels.Where(c => _selected.Contains(c.Id)));

    private bool CanSubmit => _selected.Count > 0 && _text.Trim().Length > 0
        && (_mode == ComposeMode.SaveDraft || Checks.All(c => c.Validation?.IsValid == true));

    private string SubmitText => _mode switch
    {
        ComposeMode.Schedule => "Schedule",
        ComposeMode.AddToQueue => "Add to queue",
        ComposeMode.SaveDraft => "Save draft",
        _ => "Publish now",
    };

    protected override async Task OnInitializedAsync()
    {
        _brand = await Brands.GetCurrentAsync(CancellationToken.None);
        _channels = (await ChannelService.ListAsync(_brand.Id, CancellationToken.None)).Where(c => c.CanPublish).ToList();
        _localDue = Core.Calendar.ZoneClock.ToWallClock(Time.GetUtcNow().UtcDateTime.AddHours(1), _brand.TimeZoneId);
        _localDue = _localDue.Value.AddSeconds(-_localDue.Value.Second);
        if (_channels.Count == 1)
        {
            _selected.Add(_channels[0].Id);
        }
    }

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
    }

    private static double Percent(ChannelCheck check) =>
        check.Validation is { MaxLength: > 0 } v ? Math.Min(100, 100.0 * v.Length / v.MaxLength) : 0;

    private async Task SubmitAsync()
    {
        _busy = true;
        _error = null;
        _saved = null;
        try
        {
            var request = new ComposeRequest(_brand!.Id, _text, _selected.ToList(), _mode, _mode is ComposeMode.PublishNow or ComposeMode.AddToQueue ? null : _localDue);
            var actor = await CurrentActor.GetAsync();
            var result = await Compose.SubmitAsync(request, actor, CancellationToken.None);
            if (!result.Succeeded)
            {
                _error = result.Error;
                return;
            }

            await Generations.AttachAsync(_usedGenerations, result.Value.Id, actor.UserId!, CancellationToken.None);
            _usedGenerations.Clear();

            _saved = _mode switch
            {
                ComposeMode.Schedule => $"Scheduled for {ZoneTime.Format(result.Value.Targets[0].DueUtc, _brand.TimeZoneId)} on {result.Value.Targets.Count} channel(s).",
                ComposeMode.SaveDraft => "Draft saved.",
                ComposeMode.AddToQueue => "Queued: " + string.Join("; ", result.Value.Targets.Select(t => $"{_channels.FirstOrDefault(c => c.Id == t.ChannelId)?.Label ?? "channel"} at {ZoneTime.Format(t.DueUtc, _brand.TimeZoneId)}")) + ".",
                _ => $"Publishing to {result.Value.Targets.Count} channel(s) now.",
            };
            _text = "";
        }
        finally
        {
            _busy = false;
        }
    }
}
