using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Audit;
using Ocma.Core.Identity;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core;

public sealed class UserServiceTests : IAsyncLifetime
{
    private const string EditorEmail = "editor@example.com";
    private readonly OcmaAppFactory _app = new();
    private Actor _admin = default!;
    private Actor _editor = default!;

    private UserService Users => _app.Get<UserService>();

    public async Task InitializeAsync()
    {
        _admin = await TestUsers.CreateAdminAsync(_app);
        _editor = await TestUsers.CreateAsync(_app, _admin, EditorEmail, Roles.Editor);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task LockAsync_ThenUnlock_BlocksSignInUntilUnlocked()
    {
        var locked = await Users.LockAsync(_editor.UserId!, _admin, CancellationToken.None);

        Assert.True(locked.Succeeded, locked.Error);
        Assert.Contains("locked", await FormPoster.SignInAsync(NewClient(), EditorEmail, TestUsers.Password), StringComparison.OrdinalIgnoreCase);
        Assert.True((await Users.ListAsync(CancellationToken.None)).Single(u => u.Email == EditorEmail).LockedOut);

        var unlocked = await Users.UnlockAsync(_editor.UserId!, _admin, CancellationToken.None);

        Assert.True(unlocked.Succeeded, unlocked.Error);
        Assert.Equal("signed-in", await FormPoster.SignInAsync(NewClient(), EditorEmail, TestUsers.Password));
        Assert.Equal(["user.locked", "user.unlocked"], await ActionsAsync("user.locked", "user.unlocked"));
    }

    [Fact]
    public async Task LockAsync_OwnAccount_IsRefused()
    {
        var result = await Users.LockAsync(_admin.UserId!, _admin, CancellationToken.None);

        Assert.Contains("your own account", result.Error, StringComparison.Ordinal);
        Assert.Equal("signed-in", await FormPoster.SignInAsync(NewClient(), TestUsers.AdminEmail, TestUsers.Password));
    }

    [Fact]
    public async Task LockAsync_LastAdmin_IsRefusedEvenWhenAskedBySomeoneElse()
    {
        // The editor's session still says Admin (roles refresh within a minute), but only one Admin really exists.
        var staleAdmin = _editor with { Roles = new HashSet<string> { Roles.Admin } };

        var result = await Users.LockAsync(_admin.UserId!, staleAdmin, CancellationToken.None);

        Assert.Contains("last Admin", result.Error, StringComparison.Ordinal);
        Assert.Equal("signed-in", await FormPoster.SignInAsync(NewClient(), TestUsers.AdminEmail, TestUsers.Password));
    }

    [Fact]
    public async Task LockAsync_AnotherAdminWhileOneRemains_Succeeds()
    {
        var second = await TestUsers.CreateAsync(_app, _admin, "second-admin@example.com", Roles.Admin);

        var result = await Users.LockAsync(second.UserId!, _admin, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains("locked", await FormPoster.SignInAsync(NewClient(), "second-admin@example.com", TestUsers.Password), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ResetPasswordAsync_NewPassword_WorksAndTheOldOneStops()
    {
        const string newPassword = "Fresh-Temporary-42";

        var result = await Users.ResetPasswordAsync(_editor.UserId!, newPassword, _admin, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains("not right", await FormPoster.SignInAsync(NewClient(), EditorEmail, TestUsers.Password), StringComparison.Ordinal);
        Assert.Equal("signed-in", await FormPoster.SignInAsync(NewClient(), EditorEmail, newPassword));
        var audited = (await _app.Get<AuditLog>().RecentAsync(20, CancellationToken.None)).Single(e => e.Action == "user.password-reset");
        Assert.Equal($"user {EditorEmail}", audited.Subject);
        Assert.DoesNotContain(newPassword, $"{audited.Subject} {audited.Details}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPasswordAsync_TooWeak_IsRefusedWithThePolicyAndKeepsTheOldPassword()
    {
        var result = await Users.ResetPasswordAsync(_editor.UserId!, "short", _admin, CancellationToken.None);

        Assert.Contains("at least 10 characters", result.Error, StringComparison.Ordinal);
        Assert.Equal("signed-in", await FormPoster.SignInAsync(NewClient(), EditorEmail, TestUsers.Password));
    }

    [Fact]
    public async Task LockUnlockReset_ByEditor_AreRefused()
    {
        Assert.Contains("Only an Admin", (await Users.LockAsync(_admin.UserId!, _editor, CancellationToken.None)).Error, StringComparison.Ordinal);
        Assert.Contains("Only an Admin", (await Users.UnlockAsync(_admin.UserId!, _editor, CancellationToken.None)).Error, StringComparison.Ordinal);
        Assert.Contains("Only an Admin", (await Users.ResetPasswordAsync(_admin.UserId!, "Another-Password-1", _editor, CancellationToken.None)).Error, StringComparison.Ordinal);
        Assert.Equal("signed-in", await FormPoster.SignInAsync(NewClient(), TestUsers.AdminEmail, TestUsers.Password));
    }

    private async Task<IReadOnlyList<string>> ActionsAsync(params string[] actions) =>
        (await _app.Get<AuditLog>().RecentAsync(50, CancellationToken.None)).Where(e => actions.Contains(e.Action)).Reverse().Select(e => e.Action).ToList();

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
