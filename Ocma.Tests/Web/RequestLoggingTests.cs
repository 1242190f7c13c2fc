using System.Net;
using System.Text;
using Ocma.Core.Media;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

/// <summary>
/// One log line per request, in the console log and the log file, with nothing in it that would let a reader in.
/// Served by Kestrel on loopback, which (unlike the in-memory test server) hands the raw request target to the app.
/// </summary>
public sealed class RequestLoggingTests : IAsyncLifetime
{
    private OcmaAppFactory _app = null!;
    private MediaAsset _asset = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = new OcmaAppFactory(settings: new Dictionary<string, string?> { ["PublicBaseUrl"] = "https://ocma.example.com/" });
        _client = new HttpClient { BaseAddress = new Uri(_app.StartOnLoopback()) };
        var admin = await TestUsers.CreateAdminAsync(_app);
        using var content = new MemoryStream(TestImages.Png(64, 48));
        _asset = (await _app.Get<MediaUploadService>().UploadAsync(new MediaUpload(1, "poster.png", "image/png", content), admin, CancellationToken.None)).Value;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task PublicMediaLink_IsLoggedWithItsTokenRedacted_InAnyLetterCase()
    {
        var token = _app.Get<MediaPublicLinks>().Issue(_asset);

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(MediaPublicLinks.PathPrefix + token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(MediaPublicLinks.PathPrefix.ToUpperInvariant() + token)).StatusCode);

        var lines = await WaitForLinesAsync("/[redacted] responded 200", 2);
        Assert.Contains(lines, l => l.Contains("HTTP GET /media/public/[redacted] responded 200", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("HTTP GET /MEDIA/PUBLIC/[redacted] responded 200", StringComparison.Ordinal));
        Assert.DoesNotContain(token, _app.Logs.All + LogFiles(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryString_IsNeverLogged()
    {
        var response = await _client.GetAsync("/healthz?code=oauth-code-5150&state=opaque-state-8080");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForLinesAsync("GET /healthz responded 200", 1);
        foreach (var secret in new[] { "oauth-code-5150", "opaque-state-8080", "?code" })
        {
            Assert.DoesNotContain(secret, _app.Logs.All + LogFiles(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FrameworkFilesAndStylesheets_AreNotLogged_PagesAre()
    {
        await _client.GetAsync("/_framework/blazor.web.js");
        await _client.GetAsync("/app.css");
        await _client.GetAsync("/healthz");

        await WaitForLinesAsync("GET /healthz responded 200", 1);
        Assert.DoesNotContain("/_framework", _app.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("/app.css", _app.Logs.All, StringComparison.Ordinal);
    }

    private async Task<List<string>> WaitForLinesAsync(string fragment, int count) =>
        await Eventually.MatchesAsync(
            () => Task.FromResult(_app.Logs.Lines.Where(l => l.Contains(fragment, StringComparison.Ordinal)).ToList()),
            lines => lines.Count >= count && LogFiles().Contains(fragment, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            $"{count} request line(s) with '{fragment}' in the captured log and the log file; captured: {_app.Logs.All}; file: {LogFiles()}");

    private string LogFiles()
    {
        var text = new StringBuilder();
        foreach (var path in Directory.GetFiles(Path.Combine(_app.DataDirectory, "logs")))
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }
}
