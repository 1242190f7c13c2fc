using System.ComponentModel.DataAnnotations;

namespace Ocma.Core.Data;

/// <summary>Where Ocma keeps its data on this box.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Folder for the database, key ring, media and logs. Relative paths are resolved against the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Database connection string. Empty means the SQLite file <c>ocma.db</c> in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a write waits for another writer before giving up.</summary>
    [Range(1, 120)]
    public int BusyTimeoutSeconds { get; set; } = 30;

    /// <summary>Publishing pauses (with the reason on every page) when the disk holding the data folder has less than this free.</summary>
    [Range(0, 1_000_000)]
    public long MinimumFreeMegabytes { get; set; } = 100;

    /// <summary>How often free space is checked; while publishing is paused, how soon a test write is first tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    public string ResolveConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(FullDataDirectory, "ocma.db")};Default Timeout={BusyTimeoutSeconds};Pooling=True"
            : ConnectionString;
}
