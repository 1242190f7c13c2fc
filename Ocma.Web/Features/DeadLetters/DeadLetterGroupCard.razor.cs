using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ocma.Core;
using Ocma.Core.Publishing;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.DeadLetters;

/// <summary>One cause: its count, its posts (expandable, selectable) and the decisions that fit it.</summary>
public partial class DeadLetterGroupCard
{
    private HashSet<DeadLetter> _selected = [];
    private bool _expanded;
    private bool _busy;
    private bool _checkedPlatform;
    private string? _url;

    [Parameter, EditorRequired]
    public DeadLetterGroup Group { get; set; } = default!;

    [Parameter, EditorRequired]
    public string Zone { get; set; } = "";

    [Parameter]
    public bool CanAct { get; set; }

    /// <summary>A decision was made; the page reloads the groups.</summary>
    [Parameter]
    public EventCallback OnDecided { get; set; }

    [Inject]
    private DeadLetterService DeadLetters { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool IsOutcomeUnknown => Group.Cause == DeadLetterCause.OutcomeUnknown;

    /// <summary>The selected posts still in the group; none selected means the whole group as shown.</summary>
    private List<DeadLetter> Selection => Group.Targets.Where(t => _selected.Any(s => s.TargetId == t.TargetId)).ToList();

    private IEnumerable<DeadLetter> ChannelsToReconnect => Group.Cause == DeadLetterCause.AccessRevoked
        ? Group.Targets.Where(t => t.ChannelNeedsReconnect).DistinctBy(t => t.ChannelId)
        : [];

    /// <summary>Retrying while every channel still lacks access would only fail again; reconnecting resumes them instead.</summary>
    private bool CanRetry => !(Group.Cause == DeadLetterCause.AccessRevoked && Group.Targets.All(t => t.ChannelNeedsReconnect));

    protected override void OnParametersSet() => _selected = [.. Selection];

    private Task RetryAsync() => DecideAsync("Retried", (seen, actor) => DeadLetters.RetryAsync(seen, _checkedPlatform, actor, CancellationToken.None));

    private Task DraftAsync() => DecideAsync("Moved back to draft", (seen, actor) => DeadLetters.MoveToDraftAsync(seen, actor, CancellationToken.None));

    private Task MarkPublishedAsync() => DecideAsync("Marked as published", (seen, actor) => DeadLetters.MarkPublishedAsync(seen, _url, actor, CancellationToken.None));

    private async Task DecideAsync(string verb, Func<IReadOnlyList<SeenTarget>, Ocma.Core.Audit.Actor, Task<Result<DeadLetterDecision>>> decide)
    {
        _busy = true;
        try
        {
            var chosen = Selection.Count > 0 ? Selection : Group.Targets;
            var result = await decide(chosen.Select(t => t.Seen).ToList(), await CurrentActor.GetAsync());
            if (result.Succeeded)
            {
                _selected.Clear();
                _url = null;
                _checkedPlatform = false;
            }

            Snackbar.Add(result.Succeeded ? result.Value.Describe(verb) : result.Error!, result.Succeeded ? Severity.Success : Severity.Error);
            await OnDecided.InvokeAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";
}
