using Ocma.Core.Connectors;

namespace Ocma.Connectors.Mastodon;

/// <summary>The Mastodon server a channel lives on, checked before any request goes to it.</summary>
internal static class MastodonInstance
{
    public static Uri? Parse(string? instanceUrl, bool allowHttp)
    {
        if (string.IsNullOrWhiteSpace(instanceUrl))
        {
            return null;
        }

        var text = instanceUrl.Contains("://", StringComparison.Ordinal) ? instanceUrl.Trim() : "https://" + instanceUrl.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        var schemeOk = uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp);
        return schemeOk ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/") : null;
    }

    public static string Problem(string? instanceUrl) => string.IsNullOrWhiteSpace(instanceUrl)
        ? "Name the Mastodon server, for example mastodon.social."
        : $"'{instanceUrl}' is not a Mastodon server address Ocma can use: give its https address, for example https://mastodon.social.";

    public static Uri Of(ChannelCredentials credentials, bool allowHttp) =>
        Parse(credentials.InstanceUrl, allowHttp) ?? throw new InvalidOperationException("A Mastodon channel must carry its server address.");
}
