using Microsoft.Data.Sqlite;
using Ocma.Core.Storage;

namespace Ocma.Tests.Core.Storage;

/// <summary>Only failures to store pause publishing; each is named in words an operator can act on.</summary>
public sealed class StorageFailuresTests
{
    [Fact]
    public void WritingToAFullDevice_IsTheDiskIsFull()
    {
        // /dev/full answers every write with ENOSPC, exactly as a full file system does.
        var error = Assert.ThrowsAny<IOException>(() => File.WriteAllBytes("/dev/full", new byte[4096]));

        Assert.Equal("the disk is full", StorageFailures.Describe(error));
    }

    [Theory]
    [InlineData(13, "the disk holding the database is full")]
    [InlineData(10, "the database file cannot be written (the disk reported an input/output error)")]
    [InlineData(8, "the database file has become read-only")]
    public void SqliteStorageErrors_AreNamed_EvenWrappedBySaveChanges(int code, string reason)
    {
        var wrapped = new Microsoft.EntityFrameworkCore.DbUpdateException("saving failed", new SqliteException("SQLite Error", code));

        Assert.Equal(reason, StorageFailures.Describe(wrapped));
    }

    [Fact]
    public void OtherErrors_DoNotPausePublishing()
    {
        Assert.Null(StorageFailures.Describe(new SqliteException("SQLite Error 19: 'UNIQUE constraint failed'.", 19)));
        Assert.Null(StorageFailures.Describe(new SqliteException("SQLite Error 5: 'database is locked'.", 5)));
        Assert.Null(StorageFailures.Describe(new InvalidOperationException("a bug")));
        Assert.Null(StorageFailures.Describe(new FileNotFoundException("gone")));
    }
}
