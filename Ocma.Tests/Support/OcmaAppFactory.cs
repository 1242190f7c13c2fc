using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ocma.Tests.Support;

/// <summary>
/// The real app on SQLite in a throw-away data directory. Two factories given the same directory behave like
/// the same installation restarted. <see cref="StartOnLoopback"/> serves it on a real 127.0.0.1 port for browsers.
/// </summary>
public sealed class OcmaAppFactory(
    string? dataDirectory = null,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory ?? NewDataDirectory();

    public CapturedLogs Logs { get; } = new();

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "ocma-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Starts Kestrel on 127.0.0.1 with a free port and returns the base address.</summary>
    public string StartOnLoopback()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            configureServices?.Invoke(services);
        });
    }
}
