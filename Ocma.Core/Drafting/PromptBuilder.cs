using System.Globalization;
using System.Text;

namespace Ocma.Core.Drafting;

/// <summary>Renders a task as a prompt. The system part always carries the brand voice.</summary>
public static class PromptBuilder
{
    public static DraftPrompt Build(DraftTask task, int maxTokens, string? channelName = null, int? previousLength = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new DraftPrompt(System(task.Voice), User(task, channelName, previousLength), maxTokens, task);
    }

    public static string System(BrandVoice voice)
    {
        ArgumentNullException.ThrowIfNull(voice);
        var s = new StringBuilder();
        s.AppendLine("You write social media posts for a brand's content team. Reply with the post text only: no preamble, no quotation marks, no markdown.");
        s.AppendLine("Brand voice: " + (string.IsNullOrWhiteSpace(voice.Description) ? "clear, friendly and plain." : voice.Description.Trim()));
        if (voice.WordsToAvoid.Count > 0)
        {
            s.AppendLine("Never use these words or phrases: " + string.Join(", ", voice.WordsToAvoid.Select(w => $"\"{w.Trim()}\"")) + ".");
        }

        if (voice.RequiredDisclosures.Count > 0)
        {
            s.AppendLine("Every post must contain, word for word: " + string.Join(" and ", voice.RequiredDisclosures.Select(d => $"\"{d.Trim()}\"")) + ".");
        }

        if (voice.Hashtags.Count > 0)
        {
            s.AppendLine("The brand's hashtags (use only the ones that fit): " + string.Join(' ', voice.Hashtags.Select(Offline.Hashtags.Normalize).OfType<string>()) + ".");
        }

        s.Append(voice.EmojiPolicy switch
        {
            EmojiPolicy.None => "Do not use emoji.",
            EmojiPolicy.Sparing => "Use at most one emoji, and only when it adds something.",
            _ => "Emoji are welcome where they fit.",
        });
        return s.ToString();
    }

    private static string User(DraftTask task, string? channelName, int? previousLength) => task.Kind switch
    {
        DraftTaskKind.FromBrief => $"Write one post from this brief{Alternative(task.Variation)}{ToneHint(task.Tone)}:\n{task.Source}",
        DraftTaskKind.Shorter => $"Rewrite this post about a third shorter. Keep its meaning, links and required text:\n{task.Source}",
        DraftTaskKind.Longer => $"Rewrite this post a little longer and richer. Keep its meaning, links and required text:\n{task.Source}",
        DraftTaskKind.Tone => $"Rewrite this post in a {Describe(task.Tone ?? Tone.Friendly)} tone. Keep its meaning, links and required text:\n{task.Source}",
        DraftTaskKind.FixGrammar => $"Fix only spelling, grammar, punctuation and spacing in this post; change nothing else:\n{task.Source}",
        DraftTaskKind.FitChannel => FitInstruction(task, channelName, previousLength),
        DraftTaskKind.Hashtags => $"Suggest up to five hashtags for this post, preferring the brand's. Reply with the hashtags only, separated by spaces:\n{task.Source}",
        _ => throw new ArgumentOutOfRangeException(nameof(task), task.Kind, "Unknown drafting task."),
    };

    private static string FitInstruction(DraftTask task, string? channelName, int? previousLength)
    {
        var limit = task.MaxLength ?? int.MaxValue;
        var channel = channelName ?? "this channel";
        if (previousLength is { } was)
        {
            var target = Math.Max(1, (int)(limit * 0.9));
            return string.Create(CultureInfo.InvariantCulture,
                $"Your last version was {was} characters, but {channel} allows at most {limit}. This is a hard limit. Rewrite it in at most {target} characters, links and required text included; drop details before links:\n{task.Source}");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"Adapt this post for {channel}. It must be at most {limit} characters, links and required text included:\n{task.Source}");
    }

    private static string Alternative(int variation) => variation > 0
        ? string.Create(CultureInfo.InvariantCulture, $" (alternative {variation + 1}: take a different angle and opening line from the usual one)")
        : "";

    private static string ToneHint(Tone? tone) => tone is { } t ? $" in a {Describe(t)} tone" : "";

    private static string Describe(Tone tone) => tone switch
    {
        Tone.Friendly => "friendly, warm, conversational",
        Tone.Professional => "professional, precise, no slang, no exclamation marks",
        Tone.Playful => "playful, light-hearted",
        Tone.Concise => "concise, every word earning its place",
        _ => tone.ToString(),
    };
}
