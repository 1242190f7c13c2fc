using System.Security.Claims;
using Ocma.Core.Identity;
using Ocma.Web.Components.Layout;

namespace Ocma.Tests.Web.Components;

public sealed class NavMenuTests
{
    [Theory]
    [InlineData(Roles.Admin, "Dashboard,Compose,Approvals,Calendar,Media,Channels,Activity,Needs attention,Sandbox feed,Admin,Brands")]
    [InlineData(Roles.Editor, "Dashboard,Compose,Approvals,Calendar,Media,Channels,Activity,Needs attention,Sandbox feed")]
    [InlineData(Roles.Contributor, "Dashboard,Compose,Calendar,Media,Channels,Activity,Needs attention,Sandbox feed")]
    [InlineData(Roles.Viewer, "Dashboard,Calendar,Media,Channels,Activity,Needs attention,Sandbox feed")]
    public async Task NavMenu_ShowsOnlyWhatTheRoleMayOpen(string role, string expected)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x@example.com"), new Claim(ClaimTypes.Role, role)], "test"));

        var document = await ComponentRenderer.RenderAsync<NavMenu>(new Dictionary<string, object?> { ["User"] = user });

        var items = document.QuerySelectorAll(".rz-navigation-item-text").Select(e => e.TextContent.Trim());
        Assert.Equal(expected, string.Join(',', items));
    }

    [Fact]
    public async Task NavMenu_PostsWaitingForApproval_ShowsTheCountBesideApprovals()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x@example.com"), new Claim(ClaimTypes.Role, Roles.Editor)], "test"));

        var document = await ComponentRenderer.RenderAsync<NavMenu>(new Dictionary<string, object?> { ["User"] = user, ["WaitingForApproval"] = 3 });

        Assert.Contains("Approvals (3)", document.QuerySelectorAll(".rz-navigation-item-text").Select(e => e.TextContent.Trim()));
    }
}
