using Microsoft.AspNetCore.Components;
using Ocma.Core.Channels;
using Ocma.Core.Connectors;
using Ocma.Core.Drafting;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Compose;

/// <summary>The composer's AI panel: drafts, rewrites, alternatives, hashtags and channel variants, each labelled with what wrote it.</summary>
public partial class DraftAssistant
{
    private static readonly Tone?[] Tones = [.. Enum.GetValues<Tone>().Select(t => (Tone?)t)];
    private DraftingProviderInfo _provider = default!;
    private bool _builtInOnly;
    private BudgetStatus? _budget;
    private string _brief = "";
    private Tone? _tone;
    private bool _busy;
    private DraftingFailure? _failure;
    private string? _notice;
    private Draft? _last;
    private IReadOnlyList<Draft> _alternatives = [];
    private IReadOnlyList<string> _hashtags = [];
    private IReadOnlyList<ChannelVariant> _variants = [];
    private string? _previousText;
    private Func<Task>? _lastAction;
    private CancellationTokenSource? _stop;

    [Parameter, EditorRequired]
    public int BrandId { get; set; }

    [Parameter]
    public string Text { get; set; } = "";

    [Parameter]
    public EventCallback<string> TextChanged { get; set; }

    /// <summary>Raised with a generation's id when its text is put into the post, so the post can be linked to it.</summary>
    [Parameter]
    public EventCallback<long> DraftUsed { get; set; }

    /// <summary>Raised when a generated variant becomes the own text of the picked channels on its platform.</summary>
    [Parameter]
    public EventCallback<ChannelVariant> VariantUsed { get; set; }

    /// <summary>The channels ticked in the composer, for per-channel variants.</summary>
    [Parameter]
    public IReadOnlyList<ChannelSummary> Channels { get; set; } = [];

    [Inject]
    private DraftService Drafts { get; set; } = default!;

    [Inject]
    private BudgetService Budgets { get; set; } = default!;

    [Inject]
    private BuiltInDrafter BuiltIn { get; set; } = default!;

    [Inject]
    private ConnectorRegistry Connectors { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    private bool HasBrief => !string.IsNullOrWhiteSpace(_brief);

    private bool HasText => !string.IsNullOrWhiteSpace(Text);

    private bool UsesHostedModel => !_builtInOnly && !_provider.IsBuiltIn;

    private string ProviderLabel => UsesHostedModel ? $"{_provider.DisplayName} · {_provider.Model}" : BuiltIn.DisplayName;

    private bool CanFallBack => UsesHostedModel
        && ((_failure is not null && _failure.Kind != DraftingFailureKind.NotAllowed) || _budget?.IsExhausted == true);

    protected override async Task OnInitializedAsync()
    {
        _provider = Drafts.CurrentProvider;
        if (!_provider.IsBuiltIn)
        {
            _budget = await Budgets.GetStatusAsync(BrandId, CancellationToken.None);
        }
    }

    /// <summary>
    /// Writes the draft into the post text as the model writes it. Stop keeps what was written so far (Undo brings back the
    /// text from before) and the provider's cost so far is recorded.
    /// </summary>
    private Task DraftAsync() => RunAsync(async context =>
    {
        var before = Text;
        using var stop = new CancellationTokenSource();
        _stop = stop;
        try
        {
            await foreach (var update in Drafts.StreamFromBriefAsync(context, _brief, _tone, stop.Token))
            {
                if (update.Result is { } result)
                {
                    if (Accept(result))
                    {
                        await ApplyAsync(result.Value, before);
                    }
                }
                else if (update.Text.Length > 0)
                {
                    await TextChanged.InvokeAsync(update.Text);
                    StateHasChanged(); // the Stop button and progress while the words arrive
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            _previousText = before;
            _notice = "Stopped. What was written so far stays in the post text; Undo brings back what was there before.";
        }
        finally
        {
            _stop = null;
        }
    });

    private void Stop() => _stop?.Cancel();

    private Task AlternativesAsync() => RunAsync(async context =>
    {
        var result = await Drafts.AlternativesAsync(context, _brief, 3, _tone, CancellationToken.None);
        if (Accept(result))
        {
            _alternatives = result.Value;
        }
    });

    private Task RewriteAsync(RewriteKind kind) => RunAsync(async context =>
    {
        var result = await Drafts.RewriteAsync(context, Text, kind, kind == RewriteKind.Tone ? _tone ?? Tone.Friendly : _tone, CancellationToken.None);
        if (Accept(result))
        {
            await ApplyAsync(result.Value);
        }
    });

    private Task HashtagsAsync() => RunAsync(async context =>
    {
        var result = await Drafts.SuggestHashtagsAsync(context, Text, CancellationToken.None);
        if (Accept(result))
        {
            _hashtags = result.Value;
            _notice = result.Value.Count > 0 ? null : "No hashtags came to mind for this text. Add a few words about the topic, or hashtags to the brand's voice, and try again.";
        }
    });

    private Task VariantsAsync() => RunAsync(async context =>
    {
        var channels = Channels.Select(c => c.PlatformKey).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(Connectors.Find).OfType<ISocialConnector>().Select(DraftChannel.From).ToList();
        var result = await Drafts.VariantsAsync(context, Text, channels, CancellationToken.None);
        if (Accept(result))
        {
            _variants = result.Value;
        }
    });

    /// <summary>Runs one generation: clears the previous results and remembers it, so "Use the built-in drafter" can repeat it.</summary>
    private async Task RunAsync(Func<DraftContext, Task> generate)
    {
        _lastAction = () => RunAsync(generate);
        _busy = true;
        _failure = null;
        _notice = null;
        _last = null;
        _alternatives = [];
        _hashtags = [];
        _variants = [];
        try
        {
            await generate(new DraftContext(await CurrentActor.GetAsync(), BrandId, null, _builtInOnly));
        }
        finally
        {
            _busy = false;
        }
    }

    private bool Accept<T>(DraftingResult<T> result)
    {
        _budget = result.Budget ?? _budget;
        _failure = result.Failure;
        return result.Succeeded;
    }

    /// <param name="before">The post text before this generation (a streamed draft has already changed it).</param>
    private async Task ApplyAsync(Draft draft, string? before = null)
    {
        _last = draft;
        await DraftUsed.InvokeAsync(draft.GenerationId);
        before ??= Text;
        if (draft.Text != before)
        {
            _previousText = before;
        }

        if (draft.Text != Text)
        {
            await TextChanged.InvokeAsync(draft.Text);
        }
    }

    private Task UseAsync(Draft draft) => ApplyAsync(draft);

    private async Task UseForChannelsAsync(ChannelVariant variant)
    {
        await DraftUsed.InvokeAsync(variant.Draft.GenerationId);
        await VariantUsed.InvokeAsync(variant);
    }

    private async Task AppendTagAsync(string tag)
    {
        if (!Text.Contains(tag, StringComparison.OrdinalIgnoreCase))
        {
            _previousText = Text;
            await TextChanged.InvokeAsync(Text.Length == 0 ? tag : $"{Text.TrimEnd()} {tag}");
        }
    }

    private async Task UndoAsync()
    {
        if (_previousText is { } previous)
        {
            _previousText = null;
            await TextChanged.InvokeAsync(previous);
        }
    }

    private async Task UseBuiltInAsync()
    {
        _builtInOnly = true;
        _failure = null;
        if (_lastAction is { } again)
        {
            await again();
        }
    }
}
