using Microsoft.Extensions.Options;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Publishing:Workers", "0", "Workers")]
    [InlineData("Sandbox:TextLimit", "3", "TextLimit")]
    [InlineData("Storage:BusyTimeoutSeconds", "0", "BusyTimeoutSeconds")]
    public async Task InvalidSetting_StopsStartUp_NamingTheSetting(string key, string value, string named)
    {
        await using var app = new OcmaAppFactory(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException
            ?? throw new Xunit.Sdk.XunitException($"Expected an options validation failure, got: {error}");
        Assert.Contains(named, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExampleSettings_CoverEveryOptionsSection()
    {
        var example = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Browser.ScreenshotPath("x"))!, "..", "..", "appsettings.Example.json"));

        foreach (var section in new[] { "\"Storage\"", "\"Publishing\"", "\"Sandbox\"", "\"DataDirectory\"", "\"Workers\"", "\"MaxAttempts\"", "\"TextLimit\"" })
        {
            Assert.Contains(section, example, StringComparison.Ordinal);
        }
    }
}
