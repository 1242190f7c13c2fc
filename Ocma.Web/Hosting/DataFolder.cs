using Ocma.Core.Data;

namespace Ocma.Web.Hosting;

/// <summary>The data folder, checked before start-up touches it: a folder (made if missing) that Ocma can write to, and room on its disk.</summary>
internal static class DataFolder
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>What is wrong with the data folder, in words that say what to do; null when it is usable.</summary>
    public static string? Problems(StorageOptions storage)
    {
        var folder = storage.FullDataDirectory;
        const string setting = "Storage:DataDirectory";
        if (File.Exists(folder))
        {
            return $"{setting} = '{folder}' is a file, not a folder: point it at a folder (Ocma creates it if it is missing).";
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{setting} = '{folder}': the folder does not exist and cannot be created ({e.Message}). Create it and give the user running Ocma ({Environment.UserName}) write access, or choose another folder.";
        }

        var probe = Path.Combine(folder, $".ocma-write-check-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{setting} = '{folder}': Ocma cannot write there ({e.Message}). Give the user running Ocma ({Environment.UserName}) write access to it, or choose another folder.";
        }

        return null;
    }

    /// <summary>
    /// Too little free space does not stop start-up (an Admin must be able to open the console and look): it is said on
    /// standard error, and publishing starts paused with the reason (ADR 0024) until there is room.
    /// </summary>
    public static string? LowSpaceWarning(StorageOptions storage)
    {
        var folder = storage.FullDataDirectory;
        var free = FreeBytes(folder);
        return free < storage.MinimumFreeMegabytes * Megabyte
            ? $"The disk holding the data folder '{folder}' has only {free / Megabyte} MB free; Ocma needs at least {storage.MinimumFreeMegabytes} MB (Storage:MinimumFreeMegabytes). Publishing stays paused until there is room: free space there or choose another folder."
            : null;
    }

    private static long FreeBytes(string folder)
    {
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return long.MaxValue; // the system cannot say; the running check (StorageWatch) keeps watching
        }
    }
}
