using System.Net;
using System.Text.RegularExpressions;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

/// <summary>
/// The built console run from bin in Production (as the README's "dotnet run" and a service unit do) serves every
/// stylesheet and script its pages link: MudBlazor's from its package, the app's own, and the .NET 10 SDK's
/// blazor.web.js (the one with circuit pause and resume), not a stand-in.
/// </summary>
public sealed partial class StaticAssetsTests
{
    [Fact]
    public async Task SignInPage_InProductionFromBin_EveryLinkedStylesheetAndScriptIsServed()
    {
        await using var console = await AppProcess.StartAsync(OcmaAppFactory.NewDataDirectory(), new Dictionary<string, string>());
        using var http = new HttpClient { BaseAddress = new Uri(console.BaseUrl) };

        var html = await http.GetStringAsync("/Account/Login");
        var assets = AssetLinks().Matches(html).Select(m => m.Groups["url"].Value).ToList();

        Assert.Contains(assets, a => a.Contains("_content/MudBlazor/MudBlazor.min.css", StringComparison.Ordinal) || a.Contains("_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("_framework/blazor.web", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("app", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var response = await http.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, $"{asset} is empty");
        }

        var script = await http.GetStringAsync(assets.Single(a => a.Contains("_framework/blazor.web", StringComparison.Ordinal)));
        Assert.Contains("resumeCircuit", script, StringComparison.Ordinal); // .NET 10's circuit pause and resume
    }

    [GeneratedRegex("""<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="(?<url>[^"]+)""")]
    private static partial Regex AssetLinks();
}
