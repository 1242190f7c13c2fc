using System.Security.Claims;
using Bunit;
using Ocma.Core.Identity;
using Ocma.Tests.Support;
using Ocma.Web.Components.Layout;

namespace Ocma.Tests.Web.Components;

public sealed class NavMenuTests : ComponentTest
{
    [Theory]
    [InlineData(Roles.Admin, "Dashboard,Compose,Approvals,Calendar,Media,Channels,Activity,Needs attention,Sandbox feed,Admin,Brands")]
    [InlineData(Roles.Editor, "Dashboard,Compose,Approvals,Calendar,Media,Channels,Activity,Needs attention,Sandbox feed")]
    [InlineData(Roles.Contributor, "Dashboard,Compose,Calendar,Media,Channels,Activity,Needs attention,Sandbox feed")]
    [InlineData(Roles.Viewer, "Dashboard,Calendar,Media,Channels,Activity,Needs attention,Sandbox feed")]
    public void NavMenu_ShowsOnlyWhatTheRoleMayOpen(string role, string expected)
    {
        var cut = Render<NavMenu>(p => p.Add(c => c.User, UserIn(role)));

        Assert.Equal(expected, string.Join(',', cut.FindAll("a").Select(a => a.TextContent.Trim())));
    }

    [Fact]
    public void NavMenu_PostsWaitingForApproval_ShowsTheCountBesideApprovals()
    {
        var cut = Render<NavMenu>(p => p.Add(c => c.User, UserIn(Roles.Editor)).Add(c => c.WaitingForApproval, 3));

        Assert.Equal("/approvals", cut.FindAll("a").Single(a => a.TextContent.Trim() == "Approvals (3)").GetAttribute("href"));
    }

    private static ClaimsPrincipal UserIn(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x@example.com"), new Claim(ClaimTypes.Role, role)], "test"));
}
