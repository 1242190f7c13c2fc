using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace Ocma.Core.Posts;

/// <summary>
/// The second pass over rendered notes (HtmlSanitizer): only the elements, attributes and link schemes the Markdown
/// renderer itself produces survive, so a gap in the first pass still cannot put script, handlers or foreign markup on the page.
/// </summary>
internal static class NotesHtmlSanitizer
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "strong", "em", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote",
                "ul", "ol", "li", "a", "img", "h1", "h2", "h3", "h4", "h5", "h6",
                "table", "thead", "tbody", "tr", "th", "td", "input",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "start", "class", "style", "type", "checked", "disabled",
            },
            AllowedClasses = new HashSet<string>(StringComparer.Ordinal) { "contains-task-list", "task-list-item", "task-list-item-checkbox" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "text-align" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });

        // The only input Markdown makes is a task list's disabled checkbox.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IHtmlInputElement input && !(input.Type == "checkbox" && input.IsDisabled))
            {
                input.Remove();
            }
        };
        return sanitizer;
    }
}
