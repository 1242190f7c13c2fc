using System.Net;
using Ocma.Tests.Support;
using Serilog.Debugging;

namespace Ocma.Tests.Web;

/// <summary>A log file that cannot be written never takes the app down: requests are served and the other log outputs keep working.</summary>
[Collection(nameof(SelfLogCollection))]
public sealed class LoggingFailureTests
{
    [Fact]
    public async Task DiskFull_LogFileWritesFail_AppServesAndLogsElsewhere()
    {
        var directory = OcmaAppFactory.NewDataDirectory();
        var logs = Directory.CreateDirectory(Path.Combine(directory, "logs")).FullName;
        // Serilog names the day's file by local date; /dev/full refuses every write with "No space left on device".
        foreach (var day in new[] { -1, 0, 1 })
        {
            File.CreateSymbolicLink(Path.Combine(logs, $"ocma-{DateTime.Now.AddDays(day):yyyyMMdd}.log"), "/dev/full");
        }

        var failures = await ServeAndCollectSinkFailuresAsync(directory);

        Assert.Contains(failures, f => f.Contains("No space left on device", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LogsFolderCannotBeCreated_AppStartsServesAndLogsElsewhere()
    {
        var directory = OcmaAppFactory.NewDataDirectory();
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "logs"), "a file where the logs folder should be");

        var failures = await ServeAndCollectSinkFailuresAsync(directory);

        Assert.True(failures.Any(f => f.Contains("could not be opened or created", StringComparison.Ordinal)), string.Join("\n", failures));
    }

    private static async Task<List<string>> ServeAndCollectSinkFailuresAsync(string dataDirectory)
    {
        var failures = new List<string>();
        SelfLog.Enable(message =>
        {
            lock (failures)
            {
                failures.Add(message);
            }
        });
        try
        {
            await using var app = new OcmaAppFactory(dataDirectory);
            var client = app.CreateClient();
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            }

            await Eventually.MatchesAsync(() => Task.FromResult(app.Logs.Lines.Count(l => l.Contains("GET /healthz responded 200", StringComparison.Ordinal))), n => n == 3, TimeSpan.FromSeconds(10), "three request lines in the captured log");
            lock (failures)
            {
                return [.. failures];
            }
        }
        finally
        {
            SelfLog.Disable();
        }
    }
}

/// <summary>Serilog's failure log is process-wide: tests that read it run one at a time.</summary>
[CollectionDefinition(nameof(SelfLogCollection), DisableParallelization = true)]
public sealed class SelfLogCollection;
