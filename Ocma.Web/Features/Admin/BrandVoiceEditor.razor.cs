using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ocma.Core.Drafting;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Admin;

/// <summary>Edits one brand's voice (description, words to avoid, disclosures, hashtags, emoji) and its monthly AI budget.</summary>
public partial class BrandVoiceEditor
{
    private static readonly char[] TagSeparators = [' ', ',', '\n', '\r', '\t'];
    private static readonly IReadOnlyList<EmojiChoice> EmojiPolicies =
    [
        new(EmojiPolicy.None, "No emoji"),
        new(EmojiPolicy.Sparing, "Sparing (one or two)"),
        new(EmojiPolicy.Welcome, "Welcome"),
    ];

    private string _description = "";
    private string _avoid = "";
    private string _disclosures = "";
    private string _hashtags = "";
    private EmojiPolicy _emoji = EmojiPolicy.Sparing;
    private decimal? _budget;
    private IReadOnlyList<string> _problems = [];
    private bool _busy;

    [Parameter, EditorRequired]
    public int BrandId { get; set; }

    [Inject]
    private BrandVoiceService Voices { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var voice = await Voices.GetAsync(BrandId, CancellationToken.None);
        _description = voice.Description;
        _avoid = string.Join('\n', voice.WordsToAvoid);
        _disclosures = string.Join('\n', voice.RequiredDisclosures);
        _hashtags = string.Join(' ', voice.Hashtags);
        _emoji = voice.EmojiPolicy;
        _budget = voice.MonthlyBudget;
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var voice = new BrandVoice
            {
                BrandId = BrandId,
                Description = _description ?? "",
                WordsToAvoid = Lines(_avoid),
                RequiredDisclosures = Lines(_disclosures),
                Hashtags = [.. (_hashtags ?? "").Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                EmojiPolicy = _emoji,
                MonthlyBudget = _budget,
            };
            _problems = await Voices.SaveAsync(voice, await CurrentActor.GetAsync(), CancellationToken.None);
            if (_problems.Count == 0)
            {
                Snackbar.Add("Voice saved.", Severity.Success);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private sealed record EmojiChoice(EmojiPolicy Value, string Text);
}
