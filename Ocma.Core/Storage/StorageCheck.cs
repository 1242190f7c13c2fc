using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ocma.Core.Storage;

/// <summary>The one row <see cref="StorageProbe"/> rewrites to prove the database takes writes again.</summary>
public sealed class StorageCheck
{
    public const int RowId = 1;

    public int Id { get; set; }

    public DateTime WrittenUtc { get; set; }
}

internal sealed class StorageCheckConfiguration : IEntityTypeConfiguration<StorageCheck>
{
    public void Configure(EntityTypeBuilder<StorageCheck> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasData(new StorageCheck { Id = StorageCheck.RowId, WrittenUtc = DateTime.UnixEpoch });
    }
}
