using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

/// <summary>
/// The console as a real process with bad settings: it refuses to start before touching the database, with one plain line
/// per problem naming the setting, its value and what is allowed, a non-zero exit and no stack trace.
/// </summary>
public sealed class SettingsCheckTests
{
    [Fact]
    public async Task ThreeBadSettings_AllNamedAtOnce_BeforeTheDatabaseExists()
    {
        var data = OcmaAppFactory.NewDataDirectory();

        var (exit, _, errors) = await AppProcess.RunUntilExitAsync(data, new Dictionary<string, string>
        {
            ["Publishing__Workers"] = "0",
            ["Publishing__OrphanAfter"] = "banana",
            ["Drafting__Provider"] = "Nope",
        });

        Assert.Equal(2, exit);
        Assert.Contains("Ocma did not start: 3 settings need fixing.", errors, StringComparison.Ordinal);
        Assert.Contains("Publishing:Workers = '0': The setting Workers must be between 1 and 256.", errors, StringComparison.Ordinal);
        Assert.Contains("Publishing:OrphanAfter = 'banana' is not a duration (hh:mm:ss", errors, StringComparison.Ordinal);
        Assert.Contains("Drafting:Provider = 'Nope' is not one of: BuiltIn, OpenAICompatible, Anthropic.", errors, StringComparison.Ordinal);
        AssertNoStackTrace(errors);
        Assert.False(File.Exists(Path.Combine(data, "ocma.db")), "the database was created before the settings were checked");
    }

    [Fact]
    public async Task DataFolderIsAFile_SaysSoAndWhatToDo()
    {
        var file = Path.GetTempFileName();

        var (exit, _, errors) = await AppProcess.RunUntilExitAsync(file, new Dictionary<string, string>());

        Assert.Equal(2, exit);
        Assert.Contains($"Storage:DataDirectory = '{file}' is a file, not a folder: point it at a folder", errors, StringComparison.Ordinal);
        AssertNoStackTrace(errors);
    }

    [Fact]
    public async Task DataFolderNotWritable_NamesTheFolderAndTheUser()
    {
        // /proc refuses new files even to root, where a chmod'ed folder would not: a read-only folder for whoever runs the tests.
        var (exit, _, errors) = await AppProcess.RunUntilExitAsync("/proc", new Dictionary<string, string>());

        Assert.Equal(2, exit);
        Assert.Contains("Storage:DataDirectory = '/proc': Ocma cannot write there", errors, StringComparison.Ordinal);
        Assert.Contains($"Give the user running Ocma ({Environment.UserName}) write access", errors, StringComparison.Ordinal);
        AssertNoStackTrace(errors);
    }

    [Fact]
    public async Task DataFolderCannotBeCreated_SaysWhichAndWhatToDo()
    {
        var (exit, _, errors) = await AppProcess.RunUntilExitAsync("/proc/ocma-data", new Dictionary<string, string>());

        Assert.Equal(2, exit);
        Assert.Contains("Storage:DataDirectory = '/proc/ocma-data': the folder does not exist and cannot be created", errors, StringComparison.Ordinal);
        AssertNoStackTrace(errors);
    }

    [Theory]
    [InlineData("Sandbox__TextLimit", "3", "Sandbox:TextLimit = '3':")]
    [InlineData("Storage__BusyTimeoutSeconds", "0", "Storage:BusyTimeoutSeconds = '0':")]
    [InlineData("ReverseProxy__KnownProxies__0", "proxy.local", "ReverseProxy:KnownProxies has 'proxy.local', which is not an IP address")]
    public async Task OneBadSetting_IsNamedWithWhatIsAllowed(string variable, string value, string expected)
    {
        var (exit, _, errors) = await AppProcess.RunUntilExitAsync(OcmaAppFactory.NewDataDirectory(), new Dictionary<string, string> { [variable] = value });

        Assert.Equal(2, exit);
        Assert.Contains("Ocma did not start: a setting needs fixing.", errors, StringComparison.Ordinal);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        AssertNoStackTrace(errors);
    }

    private static void AssertNoStackTrace(string errors)
    {
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", errors, StringComparison.Ordinal);
    }
}
