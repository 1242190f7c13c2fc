using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Audit;
using Ocma.Core.Identity;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Ocma.Web.Components.Shared;

namespace Ocma.Tests.Web;

/// <summary>
/// A page left open keeps the sign-in it was opened with; what it does must follow the database instead. Each test
/// keeps one page's principal, changes the person behind it, and then acts through that same principal.
/// </summary>
public sealed class OpenPageActorTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private Actor _admin = default!;

    public async Task InitializeAsync() => _admin = await TestUsers.CreateAdminAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DemotedAdmin_WithPageStillOpen_CannotChangeRoles()
    {
        var second = await TestUsers.CreateAsync(_app, _admin, "second-admin@example.com", Roles.Admin);
        var viewer = await TestUsers.CreateAsync(_app, _admin, "viewer@example.com", Roles.Viewer);
        var openPage = await OpenPageAsync(second.UserId!);

        var demoted = await _app.Get<UserService>().ChangeRoleAsync(second.UserId!, Roles.Viewer, _admin, CancellationToken.None);
        Assert.True(demoted.Succeeded, demoted.Error);

        var attempt = await _app.Get<UserService>().ChangeRoleAsync(viewer.UserId!, Roles.Admin, await openPage.GetAsync(), CancellationToken.None);

        Assert.False(attempt.Succeeded);
        Assert.Equal("Only an Admin can change roles.", attempt.Error);
        Assert.Equal([Roles.Viewer], await RolesOfAsync(viewer.UserId!));
    }

    [Fact]
    public async Task LockedContributor_WithComposeStillOpen_CannotSaveADraft()
    {
        var writer = await TestUsers.CreateAsync(_app, _admin, "writer@example.com", Roles.Contributor);
        var openPage = await OpenPageAsync(writer.UserId!);
        var channel = await SandboxChannels.ConnectAsync(_app, _admin);
        var draft = new ComposeRequest(1, "Written before the lock", [channel.Id], ComposeMode.SaveDraft, null);
        var before = await _app.Get<ComposeService>().SubmitAsync(draft, await openPage.GetAsync(), CancellationToken.None);
        Assert.True(before.Succeeded, before.Error);

        var locked = await _app.Get<UserService>().LockAsync(writer.UserId!, _admin, CancellationToken.None);
        Assert.True(locked.Succeeded, locked.Error);

        var saved = await _app.Get<ComposeService>().SubmitAsync(draft with { Text = "Written after the lock" }, await openPage.GetAsync(), CancellationToken.None);

        Assert.False(saved.Succeeded);
        Assert.Contains("cannot write posts", saved.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovedPerson_WithPageStillOpen_HasNoRole()
    {
        var editor = await TestUsers.CreateAsync(_app, _admin, "gone@example.com", Roles.Editor);
        var openPage = await OpenPageAsync(editor.UserId!);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
            await users.DeleteAsync((await users.FindByIdAsync(editor.UserId!))!);
        }

        var actor = await openPage.GetAsync();

        Assert.Empty(actor.Roles);
        Assert.False(actor.CanCompose);
    }

    /// <summary>The principal a page opened now would keep for its whole life, as the sign-in cookie gives it.</summary>
    private async Task<CurrentActor> OpenPageAsync(string userId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<OcmaUser>>();
        var user = await signIn.UserManager.FindByIdAsync(userId);
        var principal = await signIn.CreateUserPrincipalAsync(user!);
        return new CurrentActor(new FixedState(principal), _app.Get<ActorResolver>());
    }

    private async Task<IList<string>> RolesOfAsync(string userId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
    }

    private sealed class FixedState(ClaimsPrincipal principal) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(principal));
    }
}
