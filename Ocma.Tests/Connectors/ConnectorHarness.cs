using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Connectors;

namespace Ocma.Tests.Connectors;

/// <summary>Builds the product's connector registration against a fake platform and walks the consent redirect.</summary>
internal static class ConnectorHarness
{
    public static readonly Uri RedirectUri = new("https://ocma.example/oauth/callback");

    public static ServiceProvider Services(TimeProvider clock, IDictionary<string, string?> settings, Func<IServiceCollection, IConfiguration, IServiceCollection> register)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(clock);
        register(services, configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Follows the authorize URL like a browser that consents, returning the code and state from the redirect.</summary>
    public static async Task<(string? Code, string? State, string? Error, HttpStatusCode Status)> ConsentAsync(Uri authorizeUrl)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        using var response = await browser.GetAsync(authorizeUrl);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location)
        {
            return (null, null, null, response.StatusCode);
        }

        var query = QueryHelpers.ParseQuery(location.Query);
        return (query.TryGetValue("code", out var c) ? c.ToString() : null, query.TryGetValue("state", out var s) ? s.ToString() : null, query.TryGetValue("error", out var e) ? e.ToString() : null, response.StatusCode);
    }

    public static MediaItem Image(string name = "photo.jpg", int bytes = 2048) =>
        new(name, "image/jpeg", bytes, "A photo", _ => Task.FromResult<Stream>(new MemoryStream(Enumerable.Range(0, bytes).Select(i => (byte)i).ToArray())));

    public static void AssertFailed<T>(ConnectorResult<T> result, FailureKind kind)
    {
        Assert.False(result.Succeeded, "Expected a failure of kind " + kind + " but the call succeeded.");
        Assert.Equal(kind, result.Failure!.Kind);
    }
}
