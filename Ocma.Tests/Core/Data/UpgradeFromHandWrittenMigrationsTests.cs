using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core;
using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Core.Identity;
using Ocma.Core.Posts;
using Ocma.Core.Sandbox;
using Ocma.Core.Secrets;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Data;

/// <summary>An installation whose database was built by the hand-written migrations upgrades in place: nothing lost, everything still works.</summary>
public sealed class UpgradeFromHandWrittenMigrationsTests
{
    [Fact]
    public async Task StartUp_OnAnOldDatabase_KeepsEveryRowAndEndsWithTheCurrentSchema()
    {
        var directory = HandWrittenMigrationsDatabase.Unpack();
        await using var connection = HandWrittenMigrationsDatabase.Open(directory);
        await connection.OpenAsync();
        var before = await TableDump.ReadAsync(connection);

        await RunStartUpDatabaseStepAsync(directory);

        var after = await TableDump.ReadAsync(connection);
        Assert.Equal(5, before["Posts"].Rows.Count);
        Assert.Contains(before.Keys, t => t.StartsWith("QRTZ_", StringComparison.Ordinal));
        foreach (var (table, (columns, rows)) in before)
        {
            Assert.True(after.ContainsKey(table), $"The upgrade dropped the table {table}.");
            var kept = TableDump.Project(after[table].Rows, columns);
            var missing = TableDump.Project(rows, columns).Where(row => !kept.Remove(row)).ToList();
            Assert.True(missing.Count == 0, $"The upgrade lost or changed {missing.Count} row(s) of {table}, e.g. {missing.FirstOrDefault()}");
        }

        Assert.Equal(await SchemaTests.DescribeAsync(db => db.Database.MigrateAsync()), await SchemaDescription.DescribeAsync(connection));
    }

    [Fact]
    public async Task UpgradedInstallation_SignsInDecryptsItsSecretsShowsItsPostsAndPublishes()
    {
        await using var app = new OcmaAppFactory(HandWrittenMigrationsDatabase.Unpack());
        var user = await TestUsers.FindAsync(app, HandWrittenMigrationsDatabase.AdminEmail);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>().CheckPasswordAsync(user, HandWrittenMigrationsDatabase.Password));
        }

        Assert.Equal("sk-fixture-secret-value", await app.Get<SecretVault>().GetAsync("ai:openai:api_key", CancellationToken.None));
        var channel = Assert.Single(await app.Get<ChannelService>().ListAsync(1, CancellationToken.None));
        Assert.Equal(("@team", ChannelStatus.Active), (channel.Handle, channel.Status));
        var published = Assert.Single(await app.Get<PostQueries>().RecentAsync(1, 50, CancellationToken.None), t => t.Text == "Published from the fixture with an image");
        Assert.Equal((TargetState.Published, "/sandbox#post-1"), (published.State, published.PlatformUrl));

        var admin = new Actor(user.Id, user.Email!, new HashSet<string> { Roles.Admin });
        var post = await app.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, "Published after the upgrade", [channel.Id], ComposeMode.PublishNow, null), admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        await Eventually.MatchesAsync(
            async () => (await app.Get<SandboxPlatform>().FeedAsync(100, CancellationToken.None)).Count(p => p.Text == "Published after the upgrade"),
            count => count == 1,
            TimeSpan.FromSeconds(20),
            "the post to reach the Sandbox feed");
    }

    /// <summary>What the app does with its database at start-up (<see cref="DatabaseInitializer"/>), without starting the scheduler.</summary>
    private static async Task RunStartUpDatabaseStepAsync(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddOcmaCore(configuration).BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await using var db = await services.GetRequiredService<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
