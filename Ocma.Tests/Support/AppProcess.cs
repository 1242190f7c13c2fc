using System.Diagnostics;
using System.Net.Sockets;

namespace Ocma.Tests.Support;

/// <summary>
/// The built console (Ocma.Web.dll) as a separate process on a free loopback port, so a test can kill it
/// outright (SIGKILL, no shutdown hooks) and start it again on the same data directory.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>A setting's value that stands for the address the process serves on (e.g. its <c>PublicBaseUrl</c>).</summary>
    public const string OwnAddress = "{own-address}";

    /// <summary>Resident memory of the console process now, in MiB (from /proc).</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }

    public static async Task<AppProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var process = Process.Start(StartInfo(dataDirectory, environment, baseUrl)) ?? throw new InvalidOperationException("could not start the console");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(baseUrl + "/healthz/ready")).IsSuccessStatusCode)
                {
                    return new AppProcess(process, baseUrl);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The console did not become ready within 60 s.");
    }

    private static ProcessStartInfo StartInfo(string dataDirectory, IReadOnlyDictionary<string, string> environment, string baseUrl)
    {
        var root = RepositoryPaths.Root();
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(root, "Ocma.Web", "bin", configuration, "net10.0", "Ocma.Web.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls {baseUrl}")
        {
            WorkingDirectory = Path.Combine(root, "Ocma.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value == OwnAddress ? baseUrl : value;
        }

        return start;
    }

    /// <summary>Runs the console with <paramref name="environment"/> until it exits by itself (or 60 s pass): its exit code and what it wrote.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunUntilExitAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = StartInfo(dataDirectory, environment, $"http://127.0.0.1:{FreePort()}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the console");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The console kept running: it should have refused to start.");
        }

        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Kills the process at once, as a power cut or OOM kill would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
