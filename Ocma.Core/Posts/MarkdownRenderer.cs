using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Ocma.Core.Posts;

/// <summary>
/// Renders a post's notes from Markdown to HTML that is safe to show: raw HTML is shown as text, and a link or image whose
/// address is not http(s), mailto or relative (javascript:, data:, vbscript: …) is shown as plain text instead.
/// The result then goes through <see cref="NotesHtmlSanitizer"/> as a second, independent pass.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .DisableHtml()
        .Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)).ToList())
        {
            link.ReplaceBy(new LiteralInline(PlainText(link)), copyChildren: false);
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !IsSafe(l.Url)).ToList())
        {
            link.ReplaceBy(new LiteralInline(link.Url), copyChildren: false);
        }

        return NotesHtmlSanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    /// <summary>True for relative addresses and the allowed schemes; control characters and spaces are ignored, as browsers do.</summary>
    internal static bool IsSafe(string? url)
    {
        var cleaned = new string((url ?? "").Where(c => c > ' ').ToArray());
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        var firstSeparator = cleaned.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (firstSeparator >= 0 && firstSeparator < colon))
        {
            return true;
        }

        return SafeSchemes.Contains(cleaned[..colon], StringComparer.OrdinalIgnoreCase);
    }

    private static string PlainText(LinkInline link)
    {
        var words = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        return link.IsImage ? $"[image: {words}]" : words;
    }
}
