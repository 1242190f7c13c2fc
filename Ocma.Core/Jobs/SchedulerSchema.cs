using System.Text.RegularExpressions;

namespace Ocma.Core.Jobs;

/// <summary>
/// The statements that create Quartz's tables (prefix <c>QRTZ_</c>), read from the script Quartz ships for
/// each database. Ocma's migrations run them, so the scheduler only checks its schema at start-up.
/// Every statement creates only what is missing, so an installation whose tables Quartz made itself
/// upgrades without change.
/// </summary>
public static partial class SchedulerSchema
{
    public const string TablePrefix = "QRTZ_";

    private static readonly Dictionary<string, string> ScriptByProvider = new(StringComparer.Ordinal)
    {
        ["Microsoft.EntityFrameworkCore.Sqlite"] = "create_sqlite.sql",
        ["Npgsql.EntityFrameworkCore.PostgreSQL"] = "create_postgres.sql",
    };

    /// <summary>The create statements for the EF Core provider a migration runs on, in the order Quartz gives them.</summary>
    public static IReadOnlyList<string> CreateStatements(string? efProvider)
    {
        if (efProvider is null || !ScriptByProvider.TryGetValue(efProvider, out var script))
        {
            throw new InvalidOperationException(
                $"Ocma has no scheduler tables for the database provider '{efProvider}'. Supported: {string.Join(", ", ScriptByProvider.Keys)}.");
        }

        return Statements(ReadScript(script));
    }

    /// <summary>The tables the statements create, first created first.</summary>
    public static IReadOnlyList<string> Tables(IEnumerable<string> statements) =>
        statements.Select(s => CreateTable().Match(s)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    private static string ReadScript(string fileName)
    {
        var assembly = typeof(Quartz.IScheduler).Assembly;
        var resource = $"Quartz.Impl.AdoJobStore.Schema.{fileName}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Quartz {assembly.GetName().Version} no longer ships {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // Quartz separates statements with a line reading "--;;"; '{0}' is the table prefix and '{1}' the
    // prefix without a schema name (the same here). Pieces holding only comments are dropped.
    private static List<string> Statements(string script) =>
        script.Split('\n')
            .Aggregate(new List<List<string>> { new() }, (pieces, line) =>
            {
                if (line.TrimEnd() == "--;;") pieces.Add([]);
                else if (!line.TrimStart().StartsWith("--", StringComparison.Ordinal)) pieces[^1].Add(line.TrimEnd('\r'));
                return pieces;
            })
            .Select(lines => string.Join('\n', lines).Trim())
            .Where(statement => statement.Length > 0)
            .Select(statement => statement.Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal))
            .ToList();

    [GeneratedRegex(@"^CREATE TABLE IF NOT EXISTS (\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();
}
