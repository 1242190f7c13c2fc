using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ocma.Core.Calendar;
using Ocma.Core.Channels;

namespace Ocma.Core.Data;

internal sealed class PostingSlotConfiguration : IEntityTypeConfiguration<PostingSlot>
{
    public void Configure(EntityTypeBuilder<PostingSlot> b)
    {
        // A flags value: stored as its number, not a name list, so any combination of days fits.
        b.Property(x => x.Days).HasConversion<int>();
        b.Ignore(x => x.LocalTime);
        b.HasOne(x => x.Channel).WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ChannelId, x.MinuteOfDay }).IsUnique();
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<Identity.OcmaUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
