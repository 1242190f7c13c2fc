using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Data;
using Ocma.Core.Identity;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core;

public sealed class InviteServiceTests : IAsyncLifetime
{
    private const string Email = "new.person@example.com";
    private const string ChosenPassword = "Chosen-By-Them-7";
    private readonly OcmaAppFactory _app = new();
    private Actor _admin = default!;

    private InviteService Invites => _app.Get<InviteService>();

    public async Task InitializeAsync() => _admin = await TestUsers.CreateAdminAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Invite_ThenAcceptOnThePage_TheyChooseTheirPasswordSignInAndTheLinkIsSpent()
    {
        var invitation = await Invites.InviteAsync(Email, Roles.Contributor, _admin, CancellationToken.None);
        Assert.True(invitation.Succeeded, invitation.Error);
        Assert.True((await _app.Get<UserService>().ListAsync(CancellationToken.None)).Single(u => u.Email == Email).Invited);
        Assert.Contains("not right", await FormPoster.SignInAsync(NewClient(), Email, ChosenPassword), StringComparison.Ordinal); // no password until they accept

        var page = await NewClient().GetStringAsync(invitation.Value.Path);
        Assert.Contains(Email, page, StringComparison.Ordinal);

        var accepted = await FormPoster.SubmitAsync(NewClient(), invitation.Value.Path, new Dictionary<string, string> { ["Password"] = ChosenPassword, ["Confirm"] = ChosenPassword });

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("signed-in", await FormPoster.SignInAsync(NewClient(), Email, ChosenPassword));
        var person = (await _app.Get<UserService>().ListAsync(CancellationToken.None)).Single(u => u.Email == Email);
        Assert.False(person.Invited);
        Assert.Equal(Roles.Contributor, person.Role);
        Assert.Contains(InviteService.Expired, await NewClient().GetStringAsync(invitation.Value.Path), StringComparison.Ordinal);
        var audited = (await _app.Get<AuditLog>().RecentAsync(20, CancellationToken.None)).Select(e => e.Action).ToList();
        Assert.Contains("user.invited", audited);
        Assert.Contains("user.invite-accepted", audited);
    }

    [Fact]
    public async Task Accept_MismatchOrWeakPassword_SaysWhatToFixAndTheLinkStillWorks()
    {
        var invitation = (await Invites.InviteAsync(Email, Roles.Editor, _admin, CancellationToken.None)).Value;
        var (userId, token) = Parts(invitation);

        var mismatch = await Invites.AcceptAsync(userId, token, ChosenPassword, ChosenPassword + "x", CancellationToken.None);
        var weak = await Invites.AcceptAsync(userId, token, "short", "short", CancellationToken.None);

        Assert.Contains("not the same", mismatch.Error, StringComparison.Ordinal);
        Assert.Contains("at least 10 characters", weak.Error, StringComparison.Ordinal);
        Assert.True((await Invites.CheckAsync(userId, token)).Succeeded);
        Assert.True((await Invites.AcceptAsync(userId, token, ChosenPassword, ChosenPassword, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Reissue_TheEarlierLinkStopsWorking_AndAfterAcceptingThereIsNoNewLink()
    {
        var first = (await Invites.InviteAsync(Email, Roles.Viewer, _admin, CancellationToken.None)).Value;
        var second = await Invites.ReissueAsync(first.UserId, _admin, CancellationToken.None);
        Assert.True(second.Succeeded, second.Error);

        var (userId, oldToken) = Parts(first);
        Assert.Equal(InviteService.Expired, (await Invites.AcceptAsync(userId, oldToken, ChosenPassword, ChosenPassword, CancellationToken.None)).Error);
        var (_, newToken) = Parts(second.Value);
        Assert.True((await Invites.AcceptAsync(userId, newToken, ChosenPassword, ChosenPassword, CancellationToken.None)).Succeeded);

        var afterwards = await Invites.ReissueAsync(first.UserId, _admin, CancellationToken.None);
        Assert.Contains("already accepted", afterwards.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lock_AnInvitedPerson_WithdrawsTheLink()
    {
        var invitation = (await Invites.InviteAsync(Email, Roles.Viewer, _admin, CancellationToken.None)).Value;
        var (userId, token) = Parts(invitation);

        Assert.True((await _app.Get<UserService>().LockAsync(userId, _admin, CancellationToken.None)).Succeeded);

        Assert.Equal(InviteService.Expired, (await Invites.AcceptAsync(userId, token, ChosenPassword, ChosenPassword, CancellationToken.None)).Error);
    }

    [Fact]
    public async Task Invite_ExistingEmailOrByANonAdmin_IsRefused_AndATamperedLinkOpensNothing()
    {
        var editor = await TestUsers.CreateAsync(_app, _admin, "editor@example.com", Roles.Editor);

        Assert.Contains("already has an account", (await Invites.InviteAsync("editor@example.com", Roles.Viewer, _admin, CancellationToken.None)).Error, StringComparison.Ordinal);
        Assert.Contains("Only an Admin", (await Invites.InviteAsync(Email, Roles.Viewer, editor, CancellationToken.None)).Error, StringComparison.Ordinal);
        Assert.Contains("'Boss' is not a role", (await Invites.InviteAsync(Email, "Boss", _admin, CancellationToken.None)).Error, StringComparison.Ordinal);
        // A reset link can't be made for someone who already has a password by pointing an invite at them.
        Assert.Equal(InviteService.Expired, (await Invites.CheckAsync(editor.UserId, "made-up-token")).Error);
        Assert.Equal(InviteService.Expired, (await Invites.CheckAsync(null, null)).Error);
    }

    [Fact]
    public async Task TheLinkItself_IsNeverStoredOrAudited()
    {
        var invitation = (await Invites.InviteAsync(Email, Roles.Viewer, _admin, CancellationToken.None)).Value;
        var (_, token) = Parts(invitation);

        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var audit = await db.AuditEvents.AsNoTracking().Select(e => e.Subject + " " + e.Details).ToListAsync();
        var tokens = await db.UserTokens.AsNoTracking().Select(t => t.Value).ToListAsync();
        Assert.DoesNotContain(audit, line => line.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(tokens, value => value == token);
    }

    private static (string UserId, string Token) Parts(Invitation invitation)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + invitation.Path).Query);
        return (query["user"].ToString(), query["token"].ToString());
    }

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
