using Bunit;
using Ocma.Core.Audit;
using Ocma.Core.Calendar;
using Ocma.Core.Identity;
using Ocma.Tests.Support;
using Ocma.Web.Features.Profile;

namespace Ocma.Tests.Web.Pages;

/// <summary>The profile page's calendar subscription, clicked through with bUnit against the real app.</summary>
public sealed class ProfilePageTests : AppComponentTest
{
    private Actor _viewer = default!;

    public override async Task InitializeAsync()
    {
        var admin = await TestUsers.CreateAdminAsync(App);
        _viewer = await TestUsers.CreateAsync(App, admin, "viewer@example.com", Roles.Viewer);
    }

    [Fact]
    public async Task MakeAnAddress_ShowsItOnce_ItServesTheCalendar_AndStoppingItEndsIt()
    {
        SignInAs(_viewer);
        var cut = RenderInLayout<ProfilePage>();
        cut.WaitForAssertion(() => Assert.Equal("You have no calendar address.", cut.Find("[data-testid=feed-status]").TextContent.Trim()));

        cut.Find("#feed-issue").Click();

        var address = cut.WaitForElement("#feed-address").GetAttribute("value")!;
        Assert.StartsWith("http://localhost/calendar/feed/", address, StringComparison.Ordinal);
        Assert.NotNull(await App.Get<CalendarFeedService>().RenderAsync(Token(address), new Uri("http://localhost/"), CancellationToken.None));
        cut.WaitForAssertion(() => Assert.StartsWith("Your address works since", cut.Find("[data-testid=feed-status]").TextContent.Trim(), StringComparison.Ordinal));

        cut.Find("#feed-revoke").Click();
        DialogHost.WaitForElement("[role=dialog]").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Stop it").Click();

        cut.WaitForAssertion(() => Assert.Equal("You have no calendar address.", cut.Find("[data-testid=feed-status]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("#feed-address"));
        Assert.Null(await App.Get<CalendarFeedService>().RenderAsync(Token(address), new Uri("http://localhost/"), CancellationToken.None));
    }

    [Fact]
    public async Task MakeANewAddress_AsksFirst_AndTheOldOneStopsWorking()
    {
        SignInAs(_viewer);
        var cut = RenderInLayout<ProfilePage>();
        cut.WaitForElement("#feed-issue").Click();
        var first = cut.WaitForElement("#feed-address").GetAttribute("value")!;

        cut.Find("#feed-issue").Click();
        DialogHost.WaitForElement("[role=dialog]").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Make a new one").Click();

        cut.WaitForAssertion(() => Assert.NotEqual(first, cut.Find("#feed-address").GetAttribute("value")));
        Assert.Null(await App.Get<CalendarFeedService>().RenderAsync(Token(first), new Uri("http://localhost/"), CancellationToken.None));
    }

    private static string Token(string address) => address[(address.LastIndexOf('/') + 1)..^".ics".Length];
}
