using Ocma.Core.Identity;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Security;

public sealed class PasswordRulesTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private Ocma.Core.Audit.Actor _admin = null!;

    public async Task InitializeAsync() => _admin = await TestUsers.CreateAdminAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task NewPassword_WithFewDistinctCharacters_IsRefusedSayingHowManyAreNeeded()
    {
        var result = await _app.Get<UserService>().CreateAsync("ana@example.com", "Aaaaaaaaa1!", Roles.Viewer, _admin, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("at least 6 different characters", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Password2024!")]
    [InlineData("Welcome123!")]
    [InlineData("Qwertyuiop1")]
    [InlineData("1q2w3e4r5t")]
    [InlineData("Summer2019!")]
    [InlineData("Football1234")]
    public async Task NewPassword_FromTheCommonList_IsRefusedWithAClearMessage(string password)
    {
        var result = await _app.Get<UserService>().CreateAsync("ana@example.com", password, Roles.Viewer, _admin, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("one of the most common ones", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_ToACommonOne_IsRefusedToo()
    {
        var created = await _app.Get<UserService>().CreateAsync("ana@example.com", "Blue-Kettle-Hums-4", Roles.Viewer, _admin, CancellationToken.None);
        Assert.True(created.Succeeded, created.Error);

        var reset = await _app.Get<UserService>().ResetPasswordAsync(created.Value.Id, "Letmein12345", _admin, CancellationToken.None);

        Assert.False(reset.Succeeded);
        Assert.Contains("one of the most common ones", reset.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CommonList_ShipsAFewThousandPasswords_AndLeavesUncommonOnesAlone()
    {
        Assert.InRange(CommonPasswordValidator.Count, 3_000, 50_000);
        Assert.False(CommonPasswordValidator.IsCommon(TestUsers.Password));
        Assert.False(CommonPasswordValidator.IsCommon("Blue-Kettle-Hums-4"));
    }
}
