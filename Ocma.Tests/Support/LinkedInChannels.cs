using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Tests.Fakes.LinkedIn;

namespace Ocma.Tests.Support;

/// <summary>The app pointed at the LinkedIn fake with its platform app, and a member channel connected through the real connect flow.</summary>
public static class LinkedInChannels
{
    public static IReadOnlyDictionary<string, string?> Settings(LinkedInFake fake, string scopes = "openid profile email w_member_social") => new Dictionary<string, string?>
    {
        ["Connectors:LinkedIn:ClientId"] = LinkedInFake.ClientId,
        ["Connectors:LinkedIn:ClientSecret"] = LinkedInFake.ClientSecret,
        ["Connectors:LinkedIn:AuthBaseUrl"] = fake.BaseUrl.ToString(),
        ["Connectors:LinkedIn:ApiBaseUrl"] = fake.BaseUrl.ToString(),
        ["Connectors:LinkedIn:Scopes"] = scopes,
        ["Connectors:LinkedIn:Timeout"] = "00:00:02",
        ["Connectors:LinkedIn:SafeRetryDelay"] = "00:00:00.010",
    };

    public static Task<ChannelSummary> ConnectAsync(OcmaAppFactory app, Actor actor, LinkedInFake fake) =>
        OAuthChannels.ConnectAsync(app, actor, "linkedin", new Uri(fake.RedirectUri));
}
