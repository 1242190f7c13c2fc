namespace Ocma.Tests.Support;

/// <summary>Places in the checkout the tests read from or write to.</summary>
public static class RepositoryPaths
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ocma.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Ocma.sln not found above the test binaries.");
    }

    /// <summary>TestResults/&lt;folder&gt; at the repository root, created when missing.</summary>
    public static string TestResults(string folder)
    {
        var path = Path.Combine(Root(), "TestResults", folder);
        Directory.CreateDirectory(path);
        return path;
    }
}
