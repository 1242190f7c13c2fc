using Microsoft.Data.Sqlite;
using Ocma.Core.Posts;

namespace Ocma.Tests.Support;

/// <summary>Reads an installation's database straight from its data folder (read-only), while or after its console runs as a process.</summary>
public static class DataFolderDb
{
    public static async Task<int> CountAsync(string dataDirectory, string sql)
    {
        await using var connection = Open(dataDirectory);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<List<T>> RowsAsync<T>(string dataDirectory, string sql, Func<SqliteDataReader, T> read)
    {
        await using var connection = Open(dataDirectory);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>
    /// What the console says about every target, for <see cref="DeliveryAudit"/>: keyed by idempotency key or, for a
    /// platform that takes none (its stored posts are matched by text), by the post's text.
    /// </summary>
    public static Task<List<ReportedTarget>> TargetsAsync(string dataDirectory, bool keyedByText = false) =>
        RowsAsync(dataDirectory, keyedByText
                ? "SELECT p.Text, t.State, t.PlatformPostId, t.LastError FROM PostTargets t JOIN Posts p ON p.Id = t.PostId"
                : "SELECT IdempotencyKey, State, PlatformPostId, LastError FROM PostTargets",
            r => new ReportedTarget(r.GetString(0), Enum.Parse<TargetState>(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));

    public static Task<int> SettledAsync(string dataDirectory) =>
        CountAsync(dataDirectory, "SELECT COUNT(*) FROM PostTargets WHERE State IN ('Published', 'Failed', 'NeedsAttention')");

    private static SqliteConnection Open(string dataDirectory) =>
        new($"Data Source={Path.Combine(dataDirectory, "ocma.db")};Mode=ReadOnly;Pooling=False");
}
