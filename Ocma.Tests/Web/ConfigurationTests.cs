using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

public sealed class ConfigurationTests
{
    [Fact]
    public void ExampleSettings_CoverEveryOptionsSection()
    {
        var example = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "appsettings.Example.json"));

        foreach (var section in new[] { "\"Storage\"", "\"Publishing\"", "\"Sandbox\"", "\"DataDirectory\"", "\"Workers\"", "\"MaxAttempts\"", "\"TextLimit\"" })
        {
            Assert.Contains(section, example, StringComparison.Ordinal);
        }
    }
}
