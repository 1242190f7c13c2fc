using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Identity;

namespace Ocma.Tests.Web;

/// <summary>A sign-in for an address with no account costs the same password-hash check as one for a real account, so timing does not tell who has one.</summary>
public sealed class UnknownAccountTimingTests : IAsyncLifetime
{
    private readonly CountingHasher _hasher = new();
    private readonly OcmaAppFactory _app;

    public UnknownAccountTimingTests() =>
        _app = new OcmaAppFactory(configureServices: s => s.AddSingleton<IPasswordHasher<OcmaUser>>(_hasher));

    public async Task InitializeAsync() => await TestUsers.CreateAdminAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignIn_UnknownAccount_ChecksAPasswordHashLikeAnExistingAccount()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var before = _hasher.Verifications;
        await FormPoster.SignInAsync(client, TestUsers.AdminEmail, "Wrong-password-1");
        var forExisting = _hasher.Verifications - before;
        await FormPoster.SignInAsync(client, "no-such-person@example.com", "Wrong-password-1");
        var forUnknown = _hasher.Verifications - before - forExisting;

        Assert.Equal(1, forExisting);
        Assert.Equal(forExisting, forUnknown);
    }

    private sealed class CountingHasher : IPasswordHasher<OcmaUser>
    {
        private readonly PasswordHasher<OcmaUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(OcmaUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(OcmaUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
