using Ocma.Core.Connectors;

namespace Ocma.Tests.Core.Security;

public sealed class PlatformLinkTests
{
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://social.example/p/1")] // http only for a local test server
    [InlineData("https://user:pass@social.example/p/1")]
    [InlineData("not a link")]
    public void FromPlatform_NotAnHttpsAddress_IsNoLink(string answer) =>
        Assert.Null(PlatformLink.FromPlatform(answer));

    [Fact]
    public void FromPlatform_HttpsAddress_IsKept_AndHttpOnlyWhenAllowed()
    {
        Assert.Equal("https://social.example/p/1", PlatformLink.FromPlatform("https://social.example/p/1")!.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5000/p/1", PlatformLink.FromPlatform("http://127.0.0.1:5000/p/1", allowHttp: true)!.AbsoluteUri);
    }

    [Fact]
    public void Storable_ScriptLinkFromAnyConnector_IsNotStored()
    {
        Assert.Null(PlatformLink.Storable(new Uri("javascript:alert(1)")));
        Assert.Null(PlatformLink.Storable(new Uri("//evil.example/p", UriKind.Relative)));
        Assert.Equal("/sandbox#post-1", PlatformLink.Storable(new Uri("/sandbox#post-1", UriKind.Relative)));
        Assert.Equal("https://x.com/i/web/status/1", PlatformLink.Storable(new Uri("https://x.com/i/web/status/1")));
    }
}
