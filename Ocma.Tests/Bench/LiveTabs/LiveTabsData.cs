using System.Globalization;
using Microsoft.Data.Sqlite;
using Ocma.Core.Posts;
using Ocma.Tests.Support;

namespace Ocma.Tests.Bench.LiveTabs;

/// <summary>The installation the live-tabs runs use: an admin, ten Sandbox channels, 500 posts waiting a day ahead; read and nudged through SQLite.</summary>
internal static class LiveTabsData
{
    public const int Posts = 500;
    private const int Channels = 10;

    public static async Task<string> PrepareAsync()
    {
        var dataDirectory = OcmaAppFactory.NewDataDirectory();
        await using var app = new OcmaAppFactory(dataDirectory);
        var admin = await TestUsers.CreateAdminAsync(app);
        var channels = new List<int>();
        for (var i = 0; i < Channels; i++)
        {
            channels.Add((await SandboxChannels.ConnectAsync(app, admin, $"@live{i}")).Id);
        }

        var compose = app.Get<ComposeService>();
        var due = app.Get<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(1);
        for (var i = 0; i < Posts; i++)
        {
            var post = await compose.SubmitAsync(new ComposeRequest(1, $"Live tab post #{i}", [channels[i % Channels]], ComposeMode.Schedule, due), admin, CancellationToken.None);
            Assert.True(post.Succeeded, post.Error);
        }

        return dataDirectory;
    }

    /// <summary>Makes every post due now; the console's minute sweep arms the dispatch and the burst begins.</summary>
    public static Task MakeDueNowAsync(string dataDirectory) =>
        ExecuteAsync(dataDirectory, "UPDATE PostTargets SET DueUtc = $now", DateTime.UtcNow);

    public static async Task<int> PublishedAsync(string dataDirectory) =>
        Convert.ToInt32(await ScalarAsync(dataDirectory, "SELECT COUNT(*) FROM PostTargets WHERE State = 'Published'"), CultureInfo.InvariantCulture);

    /// <summary>From the first send starting to the last one finishing, from the attempts the console recorded.</summary>
    public static async Task<double> PublishSecondsAsync(string dataDirectory)
    {
        var first = await InstantAsync(dataDirectory, "SELECT MIN(StartedUtc) FROM PublishAttempts");
        var last = await InstantAsync(dataDirectory, "SELECT MAX(FinishedUtc) FROM PublishAttempts");
        return (last - first).TotalSeconds;
    }

    /// <summary>When the last of these posts changed state (Unix ms), as the console recorded it.</summary>
    public static async Task<long> LastChangeUnixMsAsync(string dataDirectory, IEnumerable<int> postIds)
    {
        var ids = string.Join(',', postIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return new DateTimeOffset(await InstantAsync(dataDirectory, $"SELECT MAX(StateChangedUtc) FROM PostTargets WHERE PostId IN ({ids})")).ToUnixTimeMilliseconds();
    }

    private static async Task<DateTime> InstantAsync(string dataDirectory, string sql) =>
        DateTime.Parse((string)(await ScalarAsync(dataDirectory, sql))!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static async Task<object?> ScalarAsync(string dataDirectory, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "ocma.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string dataDirectory, string sql, DateTime now)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "ocma.db")};Pooling=False;Default Timeout=30");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$now", now);
        await command.ExecuteNonQueryAsync();
    }
}
