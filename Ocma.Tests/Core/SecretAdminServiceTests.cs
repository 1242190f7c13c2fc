using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Data;
using Ocma.Core.Identity;
using Ocma.Core.Secrets;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core;

public sealed class SecretAdminServiceTests : IAsyncLifetime
{
    private const string Name = "mastodon:client_secret";
    private const string OldValue = "old-client-secret-AAAA1111";
    private const string NewValue = "new-client-secret-BBBB2222";
    private readonly OcmaAppFactory _app = new();
    private Actor _admin = default!;

    private SecretAdminService Secrets => _app.Get<SecretAdminService>();

    public async Task InitializeAsync() => _admin = await TestUsers.CreateAdminAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SetAsync_ReplacingAValue_ChangesTheHintAndStoresOnlyTheNewValueEncrypted()
    {
        var first = await Secrets.SetAsync(Name, OldValue, _admin, CancellationToken.None);
        var second = await Secrets.SetAsync(Name, NewValue, _admin, CancellationToken.None);

        Assert.True(first.Succeeded, first.Error);
        Assert.True(second.Succeeded, second.Error);
        Assert.False(first.Value.Replaced);
        Assert.True(second.Value.Replaced);
        var listed = Assert.Single((await Secrets.ListAsync(_admin, CancellationToken.None)).Value);
        Assert.Equal((Name, "2222", TestUsers.AdminEmail), (listed.Name, listed.Hint, listed.UpdatedBy));
        Assert.DoesNotContain(NewValue, listed.ToString(), StringComparison.Ordinal);
        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var stored = await db.AppSecrets.SingleAsync();
        Assert.DoesNotContain(NewValue, stored.ProtectedValue, StringComparison.Ordinal);
        Assert.DoesNotContain(OldValue, stored.ProtectedValue, StringComparison.Ordinal);
        Assert.Equal(NewValue, await _app.Get<SecretVault>().GetAsync(Name, CancellationToken.None));
    }

    [Theory]
    [InlineData("Mastodon:Client_Secret", "a-valid-value-1234")]
    [InlineData("ab", "a-valid-value-1234")]
    [InlineData("has space", "a-valid-value-1234")]
    [InlineData("slash/not-allowed", "a-valid-value-1234")]
    [InlineData("mastodon:client_id", "")]
    [InlineData("mastodon:client_id", " leading-space-value")]
    [InlineData("mastodon:client_id", "trailing-newline-value\n")]
    public async Task SetAsync_InvalidNameOrValue_IsRefusedWithWhatToFix(string name, string value)
    {
        var result = await Secrets.SetAsync(name, value, _admin, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        if (value.Trim().Length > 0)
        {
            Assert.DoesNotContain(value.Trim(), result.Error, StringComparison.Ordinal);
        }

        Assert.Empty((await Secrets.ListAsync(_admin, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task SetAsync_NameOf129CharactersOrValueOver4096_IsRefused()
    {
        var longName = await Secrets.SetAsync(new string('a', 129), "a-valid-value-1234", _admin, CancellationToken.None);
        var longValue = await Secrets.SetAsync("ai:openai:api_key", new string('v', 4097), _admin, CancellationToken.None);
        var longestValue = await Secrets.SetAsync("ai:anthropic:api_key", new string('v', 4096), _admin, CancellationToken.None);

        Assert.Contains("3 to 128 characters", longName.Error, StringComparison.Ordinal);
        Assert.Contains("4096", longValue.Error, StringComparison.Ordinal);
        Assert.True(longestValue.Succeeded, longestValue.Error);
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Viewer)]
    public async Task AnyChange_ByNonAdmin_IsRefused(string role)
    {
        await Secrets.SetAsync(Name, OldValue, _admin, CancellationToken.None);
        var someone = await TestUsers.CreateAsync(_app, _admin, $"{role.ToLowerInvariant()}@example.com", role);

        var set = await Secrets.SetAsync(Name, NewValue, someone, CancellationToken.None);
        var remove = await Secrets.RemoveAsync(Name, someone, CancellationToken.None);
        var list = await Secrets.ListAsync(someone, CancellationToken.None);

        Assert.Contains("Only an Admin", set.Error, StringComparison.Ordinal);
        Assert.Contains("Only an Admin", remove.Error, StringComparison.Ordinal);
        Assert.Contains("Only an Admin", list.Error, StringComparison.Ordinal);
        Assert.Equal(OldValue, await _app.Get<SecretVault>().GetAsync(Name, CancellationToken.None));
    }

    [Fact]
    public async Task SetReplaceRemove_EachWritesAnAuditEventWithoutTheValue()
    {
        await Secrets.SetAsync(Name, OldValue, _admin, CancellationToken.None);
        await Secrets.SetAsync(Name, NewValue, _admin, CancellationToken.None);
        var removed = await Secrets.RemoveAsync(Name, _admin, CancellationToken.None);

        Assert.True(removed.Succeeded, removed.Error);
        Assert.Null(await _app.Get<SecretVault>().GetAsync(Name, CancellationToken.None));
        var events = (await _app.Get<AuditLog>().RecentAsync(50, CancellationToken.None)).Where(e => e.Action.StartsWith("secret.", StringComparison.Ordinal)).Reverse().ToList();
        Assert.Equal(["secret.set", "secret.replaced", "secret.removed"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(($"secret {Name}", TestUsers.AdminEmail), (e.Subject, e.Actor)));
        var written = string.Join('\n', events.Select(e => $"{e.Subject} {e.Details}"));
        Assert.DoesNotContain(OldValue, written, StringComparison.Ordinal);
        Assert.DoesNotContain(NewValue, written, StringComparison.Ordinal);
        Assert.DoesNotContain(NewValue, _app.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveAsync_UnknownName_SaysItIsNotThere()
    {
        var result = await Secrets.RemoveAsync("x:client_id", _admin, CancellationToken.None);

        Assert.Contains("no secret named x:client_id", result.Error, StringComparison.Ordinal);
    }
}
