using Microsoft.Extensions.Options;
using Ocma.Core.Data;
using Ocma.Core.Media;

namespace Ocma.Tests.Core.Media;

/// <summary>Half-written uploads a crash left behind are cleared; an upload still being written never is.</summary>
public sealed class MediaStoreTests : IDisposable
{
    private readonly string _directory = OcmaAppFactory.NewDataDirectory();

    [Fact]
    public void NewIncomingPath_ClearsPartFilesLeftHoursAgo_AndKeepsOnesBeingWritten()
    {
        var store = new MediaStore(Options.Create(new StorageOptions { DataDirectory = _directory }));
        var abandoned = store.NewIncomingPath();
        var writing = store.NewIncomingPath();
        File.WriteAllBytes(abandoned, [1, 2, 3]);
        File.WriteAllBytes(writing, [4, 5, 6]);
        File.SetLastWriteTimeUtc(abandoned, File.GetLastWriteTimeUtc(writing) - TimeSpan.FromHours(7));

        store.NewIncomingPath();

        Assert.False(File.Exists(abandoned), "a .part file untouched for seven hours is left from a crash");
        Assert.True(File.Exists(writing), "an upload written a moment ago is still in progress");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
