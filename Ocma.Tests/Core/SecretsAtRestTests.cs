using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Core.Secrets;
using Ocma.Tests.Core.Publishing;

namespace Ocma.Tests.Core;

public sealed class SecretsAtRestTests
{
    [Fact]
    public async Task ChannelTokensAndAdminSecrets_NeverAppearInTheDatabaseOrTheLogs()
    {
        await using var harness = await PublishingHarness.StartAsync();
        await harness.App.Get<SecretVault>().SetAsync("mastodon:client_secret", "super-secret-client-value-1234", "admin@example.com", CancellationToken.None);
        var post = await harness.ComposeAsync("Proving secrets stay secret");
        await harness.WaitForTargetAsync(post.Value.Id, s => s == TargetState.Published);

        await using var db = await harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var grant = harness.App.Get<GrantProtector>().Unprotect((await db.Channels.SingleAsync()).ProtectedGrant);
        var secrets = new[] { grant.AccessToken, grant.RefreshToken!, "super-secret-client-value-1234" };

        var stored = DatabaseBytes(harness.App.DataDirectory);
        var logs = harness.App.Logs.All + string.Concat(Directory.GetFiles(Path.Combine(harness.App.DataDirectory, "logs")).Select(ReadShared));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }

        Assert.Equal("1234", (await harness.App.Get<SecretVault>().ListAsync(CancellationToken.None)).Single().Hint);
    }

    private static string DatabaseBytes(string dataDirectory) =>
        string.Concat(Directory.GetFiles(dataDirectory, "ocma.db*").Select(f => Encoding.Latin1.GetString(ReadSharedBytes(f))));

    private static string ReadShared(string path) => Encoding.UTF8.GetString(ReadSharedBytes(path));

    private static byte[] ReadSharedBytes(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
