namespace Ocma.Core.Connectors;

/// <summary>
/// The one gate for links a platform hands back ("View post"): a platform's answer is untrusted text, and a
/// <c>javascript:</c> or <c>data:</c> address passes <see cref="Uri.TryCreate(string?, UriKind, out Uri?)"/>. Connectors
/// take a link through <see cref="FromPlatform"/>, the publisher stores it through <see cref="Storable"/>, and every page
/// renders it through <see cref="Href"/>.
/// </summary>
public static class PlatformLink
{
    /// <summary>
    /// A link from a platform's answer: an absolute https address (http only when <paramref name="allowHttp"/>, for a local
    /// test server), with no user name or password in it; null for anything else.
    /// </summary>
    public static Uri? FromPlatform(string? text, bool allowHttp = false) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var url) && IsWebAddress(url, allowHttp) ? url : null;

    /// <summary>What may be kept as a post's platform link: a web address, or a path on Ocma itself (the sandbox's feed).</summary>
    public static string? Storable(Uri? url) => url switch
    {
        null => null,
        { IsAbsoluteUri: true } when IsWebAddress(url, allowHttp: true) => url.AbsoluteUri,
        { IsAbsoluteUri: false } when IsLocalPath(url.OriginalString) => url.OriginalString,
        _ => null,
    };

    /// <summary>The <c>href</c> for a stored link, or null when it must not be rendered as a link at all.</summary>
    public static string? Href(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return null;
        }

        if (IsLocalPath(stored))
        {
            return stored;
        }

        return Uri.TryCreate(stored, UriKind.Absolute, out var url) && IsWebAddress(url, allowHttp: true) ? url.AbsoluteUri : null;
    }

    private static bool IsWebAddress(Uri url, bool allowHttp) =>
        (url.Scheme == Uri.UriSchemeHttps || (allowHttp && url.Scheme == Uri.UriSchemeHttp))
        && !string.IsNullOrEmpty(url.Host) && string.IsNullOrEmpty(url.UserInfo);

    /// <summary>"/path" on this site; "//host" and "/\host" are other sites to a browser.</summary>
    private static bool IsLocalPath(string text) =>
        text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal) && !text.StartsWith("/\\", StringComparison.Ordinal)
        && !text.Any(char.IsControl);
}
