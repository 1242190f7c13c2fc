using System.Text.RegularExpressions;

namespace Ocma.Core.Drafting.Offline;

/// <summary>Swaps URLs for stand-in markers while text rules run, so no rule ever changes or cuts a link.</summary>
internal sealed partial class ProtectedUrls
{
    private const char Mark = '\u0001';
    private readonly List<string> _urls = [];

    [GeneratedRegex(@"(?:https?://|www\.)[^\s]+?(?=[.,;:!?)]*(?:\s|$))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex("\u0001(\\d+)\u0001")]
    private static partial Regex MarkerPattern();

    /// <summary>The text with each URL replaced by a marker that no letter-based rule matches.</summary>
    public string Protect(string text) => UrlPattern().Replace(text, m =>
    {
        _urls.Add(m.Value);
        return $"{Mark}{_urls.Count - 1}{Mark}";
    });

    /// <summary>Puts this instance's URLs back. Markers it did not make (an outer rule's, already protected) are left for their owner.</summary>
    public string Restore(string text) => _urls.Count == 0 ? text : MarkerPattern().Replace(text, m =>
        int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < _urls.Count ? _urls[i] : m.Value);

    /// <summary>Runs <paramref name="rule"/> on the text with its URLs protected.</summary>
    public static string Around(string text, Func<string, string> rule)
    {
        var urls = new ProtectedUrls();
        return urls.Restore(rule(urls.Protect(text)));
    }

    public static bool IsUrl(string token) => UrlPattern().IsMatch(token);
}
