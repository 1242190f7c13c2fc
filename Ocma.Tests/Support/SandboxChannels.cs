using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Channels;
using Ocma.Core.Sandbox;

namespace Ocma.Tests.Support;

/// <summary>Connects a Sandbox channel through the real OAuth round trip (start → consent → callback), without a browser.</summary>
public static class SandboxChannels
{
    /// <param name="brandId">The brand the channel joins; the first brand when not given.</param>
    public static async Task<ChannelSummary> ConnectAsync(OcmaAppFactory app, Actor actor, string handle = "@team", int? brandId = null)
    {
        var brand = brandId ?? (await app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None)).Id;
        var redirect = new Uri("http://localhost/oauth/sandbox/callback");
        var start = await app.Get<ConnectService>().StartAsync("sandbox", brand, actor, redirect, "/channels", null, CancellationToken.None);
        Assert.True(start.Succeeded, start.Error);
        var query = System.Web.HttpUtility.ParseQueryString(start.Value.OriginalString.Split('?', 2)[1]);
        var code = await app.Get<SandboxAuthServer>().IssueCodeAsync(handle, query["redirect_uri"]!, query["code_challenge"]!, CancellationToken.None);
        var done = await app.Get<ConnectService>().CompleteAsync("sandbox", code, query["state"], null, redirect, actor, CancellationToken.None);
        Assert.True(done.Succeeded, done.Error);
        return done.Value.Channels.Single();
    }
}
