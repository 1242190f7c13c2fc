namespace Ocma.Connectors.Bluesky;

/// <summary>Bluesky server (PDS) addresses, as people type them and as identity documents give them.</summary>
internal static class BlueskyServers
{
    /// <summary>The server's root address, or null when it is not one Ocma can use. "pds.example.com" means https.</summary>
    public static Uri? Parse(string? address, bool allowHttp)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var text = address.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp))
            && uri.UserInfo.Length == 0 && (uri.Host.Contains('.', StringComparison.Ordinal) || uri.IsLoopback)
                ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/")
                : null;
    }

    /// <summary>What to tell a person whose server address cannot be used.</summary>
    public static string Problem(string address) =>
        $"'{address.Trim()}' is not a Bluesky server address Ocma can use: give its https address, e.g. https://pds.example.com, or leave it empty to find it from your handle.";
}
