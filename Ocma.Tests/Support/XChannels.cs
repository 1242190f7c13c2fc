using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Tests.Fakes.X;

namespace Ocma.Tests.Support;

/// <summary>The app pointed at the X fake with its platform app, and a channel connected through the real connect flow.</summary>
public static class XChannels
{
    public static IReadOnlyDictionary<string, string?> Settings(XFake fake, string scopes = "tweet.read tweet.write users.read media.write offline.access") => new Dictionary<string, string?>
    {
        ["Connectors:X:Scopes"] = scopes,
        ["Connectors:X:ClientId"] = XFake.Client.ClientId,
        ["Connectors:X:ClientSecret"] = XFake.Client.ClientSecret,
        ["Connectors:X:AuthorizeUrl"] = new Uri(fake.BaseUrl, "i/oauth2/authorize").ToString(),
        ["Connectors:X:ApiBaseUrl"] = fake.BaseUrl.ToString(),
        ["Connectors:X:Timeout"] = "00:00:02",
        ["Connectors:X:SafeRetryDelay"] = "00:00:00.010",
    };

    public static Task<ChannelSummary> ConnectAsync(OcmaAppFactory app, Actor actor) =>
        OAuthChannels.ConnectAsync(app, actor, "x", new Uri(XFake.Client.RedirectUri));
}
