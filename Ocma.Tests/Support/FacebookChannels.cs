using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Tests.Fakes.Facebook;

namespace Ocma.Tests.Support;

/// <summary>The app pointed at the Facebook fake with its platform app, and the Page with a posting role connected through the real connect flow.</summary>
public static class FacebookChannels
{
    public static IReadOnlyDictionary<string, string?> Settings(FacebookFake fake) => new Dictionary<string, string?>
    {
        ["Connectors:Facebook:ClientId"] = FacebookFake.AppId,
        ["Connectors:Facebook:ClientSecret"] = FacebookFake.AppSecret,
        ["Connectors:Facebook:WebBaseUrl"] = fake.BaseUrl.ToString(),
        ["Connectors:Facebook:GraphBaseUrl"] = fake.BaseUrl.ToString(),
        ["Connectors:Facebook:Timeout"] = "00:00:02",
        ["Connectors:Facebook:SafeRetryDelay"] = "00:00:00.010",
    };

    public static Task<ChannelSummary> ConnectAsync(OcmaAppFactory app, Actor actor, FacebookFake fake) =>
        OAuthChannels.ConnectAsync(app, actor, "facebook", new Uri(fake.RedirectUri));
}
