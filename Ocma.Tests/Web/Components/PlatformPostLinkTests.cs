using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Ocma.Web.Features.Activity;

namespace Ocma.Tests.Web.Components;

public sealed class PlatformPostLinkTests : ComponentTest
{
    public PlatformPostLinkTests() => Services.AddSingleton(TimeProvider.System);

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("//evil.example/p/1")]
    [InlineData("/\\evil.example/p/1")]
    public void ActivityRow_StoredScriptLink_RendersNoHref(string stored)
    {
        var row = RenderRow(stored);

        Assert.Empty(row.FindAll("a"));
        Assert.DoesNotContain("script", row.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://social.example/@team/1", "https://social.example/@team/1")]
    [InlineData("/sandbox#post-1", "/sandbox#post-1")]
    public void ActivityRow_WebOrLocalLink_RendersViewPost(string stored, string href)
    {
        var link = RenderRow(stored).Find("a.platform-link");

        Assert.Equal((href, "View post"), (link.GetAttribute("href"), link.TextContent));
    }

    private IRenderedComponent<ActivityResult> RenderRow(string platformUrl)
    {
        var published = TestClock.Utc(2031, 1, 10, 8, 3);
        var row = new TargetView(1, 1, "Hello", 1, "Team", "mastodon", TargetState.Published, published, published, platformUrl, null, null, 1, "Ana");
        return Render<ActivityResult>(p => p.Add(c => c.Row, row).Add(c => c.Zone, "UTC"));
    }
}
