using System.Globalization;
using System.Text.RegularExpressions;
using Ocma.Core.Drafting.Offline;

namespace Ocma.Core.Drafting;

/// <summary>The composer's drafting use cases. Every generation is labelled with its provider and model, costed, and recorded.</summary>
public sealed partial class DraftService(DraftGenerator generator, BrandVoiceService voices, DraftingProviders providers)
{
    [GeneratedRegex(@"#?[\p{L}\p{N}_]+")]
    private static partial Regex TagWord();

    /// <summary>What drafts by default, for the composer's label (e.g. "OpenAI · gpt-4o-mini" or "Built-in drafter (no AI)").</summary>
    public DraftingProviderInfo CurrentProvider => DraftingProviderInfo.Of(providers.Configured);

    public async Task<DraftingResult<Draft>> DraftFromBriefAsync(DraftContext context, string brief, Tone? tone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(brief);
        var voice = await voices.GetAsync(context.BrandId, cancellationToken);
        var outcome = await generator.GenerateAsync(context, new DraftTask(DraftTaskKind.FromBrief, brief.Trim(), voice, tone), cancellationToken);
        return ToResult(outcome);
    }

    /// <summary>
    /// A draft from a brief, streamed for the composer: an update each time the model writes more, the last one with the
    /// finished draft or the failure. Cancel the token to stop it (the Stop button): the provider's answer is abandoned,
    /// its cost so far recorded, and the enumeration ends with <see cref="OperationCanceledException"/>.
    /// </summary>
    public async IAsyncEnumerable<DraftStreamUpdate> StreamFromBriefAsync(
        DraftContext context, string brief, Tone? tone, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(brief);
        var voice = await voices.GetAsync(context.BrandId, cancellationToken);
        await foreach (var step in generator.StreamAsync(context, new DraftTask(DraftTaskKind.FromBrief, brief.Trim(), voice, tone), cancellationToken))
        {
            yield return new DraftStreamUpdate(step.Text, step.Final is { } outcome ? ToResult(outcome) : null);
        }
    }

    /// <summary>Two or three drafts from the same brief, each from a different angle, for an A/B choice.</summary>
    public async Task<DraftingResult<IReadOnlyList<Draft>>> AlternativesAsync(DraftContext context, string brief, int count, Tone? tone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(brief);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 3);
        var voice = await voices.GetAsync(context.BrandId, cancellationToken);
        var drafts = new List<Draft>();
        DraftGenerator.Outcome? last = null;
        for (var i = 0; i < count; i++)
        {
            last = await generator.GenerateAsync(context, new DraftTask(DraftTaskKind.FromBrief, brief.Trim(), voice, tone, Variation: i), cancellationToken);
            if (last.Draft is null)
            {
                break; // budget, auth, rate limit: later calls would fail the same way
            }

            drafts.Add(last.Draft);
        }

        return drafts.Count > 0
            ? DraftingResult<IReadOnlyList<Draft>>.Ok(drafts, last!.Budget)
            : DraftingResult<IReadOnlyList<Draft>>.Fail(last!.Failure!, last.Budget);
    }

    public async Task<DraftingResult<Draft>> RewriteAsync(DraftContext context, string text, RewriteKind kind, Tone? tone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var voice = await voices.GetAsync(context.BrandId, cancellationToken);
        var taskKind = kind switch
        {
            RewriteKind.Shorter => DraftTaskKind.Shorter,
            RewriteKind.Longer => DraftTaskKind.Longer,
            RewriteKind.Tone => DraftTaskKind.Tone,
            RewriteKind.FixGrammar => DraftTaskKind.FixGrammar,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown rewrite."),
        };
        return ToResult(await generator.GenerateAsync(context, new DraftTask(taskKind, text, voice, tone ?? (kind == RewriteKind.Tone ? Tone.Friendly : null)), cancellationToken));
    }

    /// <summary>Up to five hashtags, the brand's own preferred.</summary>
    public async Task<DraftingResult<IReadOnlyList<string>>> SuggestHashtagsAsync(DraftContext context, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var voice = await voices.GetAsync(context.BrandId, cancellationToken);
        var outcome = await generator.GenerateAsync(context, new DraftTask(DraftTaskKind.Hashtags, text, voice), cancellationToken);
        if (outcome.Draft is not { } draft)
        {
            return DraftingResult<IReadOnlyList<string>>.Fail(outcome.Failure!, outcome.Budget);
        }

        var tags = TagWord().Matches(draft.Text).Select(m => Hashtags.Normalize(m.Value)).OfType<string>()
            .Where(t => !voice.WordsToAvoid.Any(w => !string.IsNullOrWhiteSpace(w) && VoiceCheck.ContainsWholeWord(t, w.Trim())))
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(5).ToList();
        return DraftingResult<IReadOnlyList<string>>.Ok(tags, outcome.Budget);
    }

    /// <summary>
    /// One variant per channel that passes the channel's validation. A model that overshoots a limit is asked once more, firmly;
    /// if it overshoots again the built-in rewriter trims its text by whole sentences, and the variant's notes say so.
    /// </summary>
    public async Task<DraftingResult<IReadOnlyList<ChannelVariant>>> VariantsAsync(
        DraftContext context, string text, IReadOnlyList<DraftChannel> channels, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(channels);
        var voice = await voices.GetAsync(context.BrandId, cancellationToken);
        var variants = new List<ChannelVariant>();
        BudgetStatus? budget = null;
        foreach (var channel in channels)
        {
            var (variant, failure, channelBudget) = await VariantAsync(context, text, voice, channel, cancellationToken);
            budget = channelBudget ?? budget;
            if (failure is not null)
            {
                return DraftingResult<IReadOnlyList<ChannelVariant>>.Fail(failure, budget);
            }

            variants.Add(variant!);
        }

        return DraftingResult<IReadOnlyList<ChannelVariant>>.Ok(variants, budget);
    }

    /// <summary>The text as a numbered thread for the channel (one post, unnumbered, when it fits). Offline and instant.</summary>
    public static IReadOnlyList<string> SplitIntoThread(string text, DraftChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return TextFitter.SplitThread(text, channel.Limit, channel.Count);
    }

    /// <summary>The brand's hashtags (and keywords) appended on a new line, as many as the channel's limit allows. Offline and instant.</summary>
    public async Task<string> AddBrandHashtagsAsync(int brandId, string text, DraftChannel channel, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var voice = await voices.GetAsync(brandId, cancellationToken);
        return Hashtags.Append(text, Hashtags.Suggest(text, voice, max), channel.Limit, channel.Count);
    }

    private async Task<(ChannelVariant? Variant, DraftingFailure? Failure, BudgetStatus? Budget)> VariantAsync(
        DraftContext context, string text, BrandVoice voice, DraftChannel channel, CancellationToken cancellationToken)
    {
        var limit = channel.Limit;
        var task = new DraftTask(DraftTaskKind.FitChannel, text, voice, MaxLength: limit, Count: channel.Count);
        var first = await generator.GenerateAsync(context, task, cancellationToken, channel.Name);
        if (first.Draft is not { } draft)
        {
            return (null, first.Failure, first.Budget);
        }

        var budget = first.Budget;
        var notes = new List<string>(draft.Notes);
        var length = channel.Count(draft.Text);
        if (length > limit)
        {
            var second = await generator.GenerateAsync(context, task with { Source = draft.Text }, cancellationToken, channel.Name, length);
            if (second.Draft is not { } retry)
            {
                return (null, second.Failure, second.Budget ?? budget);
            }

            budget = second.Budget ?? budget;
            notes.Add(Invariant($"The first version was {length} characters, over {channel.Name}'s limit of {limit}; {draft.ProviderDisplayName} was asked again."));
            draft = retry with { TokensIn = draft.TokensIn + retry.TokensIn, TokensOut = draft.TokensOut + retry.TokensOut, Cost = draft.Cost + retry.Cost };
            length = channel.Count(draft.Text);
            if (length > limit)
            {
                var trimmed = TextFitter.Fit(draft.Text, limit, channel.Count, voice.RequiredDisclosures);
                notes.Add(Invariant($"It was still {length} characters, so the built-in rewriter trimmed it to {channel.Count(trimmed)} by whole sentences. Check that it still says what you mean."));
                draft = draft with { Text = trimmed, VoiceProblems = VoiceCheck.Check(trimmed, voice) };
            }
        }

        draft = draft with { Notes = notes };
        return (new ChannelVariant(channel, draft, channel.Validate(Connectors.PostContent.TextOnly(draft.Text))), null, budget);
    }

    private static DraftingResult<Draft> ToResult(DraftGenerator.Outcome outcome) => outcome.Draft is { } draft
        ? DraftingResult<Draft>.Ok(draft, outcome.Budget)
        : DraftingResult<Draft>.Fail(outcome.Failure!, outcome.Budget);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
