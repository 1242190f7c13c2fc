using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Ocma.Tests.Fakes;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a free port, a request journal and one-shot fault injection. Each fake
/// platform maps its routes onto one of these.
/// </summary>
public sealed class FakePlatformHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakePlatformHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public RequestJournal Journal { get; private init; } = new();

    public FaultQueue Faults { get; private init; } = new();

    /// <summary>A clock starting at a fixed instant; the fake and the connector under test share it.</summary>
    public static FakeTimeProvider NewClock() => new(TestClock.At(2026, 11, 23, 12, 0, 0));

    public static async Task<FakePlatformHost> StartAsync(Action<WebApplication> mapRoutes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var journal = new RequestJournal();
        var faults = new FaultQueue();
        app.Use(async (context, next) =>
        {
            await Record(context, journal);
            if (faults.Take(context.Request) is { } fault)
            {
                await fault(context);
                return;
            }

            if (faults.TakeAfterStore(context.Request) is { } afterStore)
            {
                var answer = context.Response.Body;
                context.Response.Body = Stream.Null; // the fake's own answer is lost
                await next(context);
                context.Response.Body = answer;
                context.Response.Headers.Clear();
                await afterStore(context);
                return;
            }

            await next(context);
        });
        mapRoutes(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakePlatformHost(app, new Uri(address.TrimEnd('/') + "/")) { Journal = journal, Faults = faults };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task Record(HttpContext context, RequestJournal journal)
    {
        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        context.Request.Body.Position = 0;
        var bytes = buffer.ToArray();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var text = bytes.Length <= 64 * 1024 && context.Request.ContentType?.Contains("multipart", StringComparison.OrdinalIgnoreCase) != true
            ? Encoding.UTF8.GetString(bytes)
            : string.Empty;
        journal.Add(new JournalEntry(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? string.Empty, headers, bytes.Length, Convert.ToHexString(SHA256.HashData(bytes)), text));
    }
}
