using System.Globalization;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Bench;

/// <summary>Prints one <c>BENCH name key=value …</c> line per scenario, to the test output and TestResults/benchmarks/results.txt.</summary>
internal static class BenchmarkReport
{
    public static void Print(ITestOutputHelper output, string scenario, params (string Key, object Value)[] figures)
    {
        var line = "BENCH " + scenario + " " + string.Join(' ', figures.Select(f => f.Key + "=" + Format(f.Value)));
        output.WriteLine(line);
        File.AppendAllText(Path.Combine(RepositoryPaths.TestResults("benchmarks"), "results.txt"), line + Environment.NewLine);
    }

    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("0.#", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
