namespace Ocma.Core.Brands;

/// <summary>A workspace: the channels, posts and settings of one brand.</summary>
public sealed class Brand
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>IANA zone the team plans in, e.g. "Europe/Berlin". Times are shown in it.</summary>
    public required string TimeZoneId { get; set; }

    public DateTime CreatedUtc { get; set; }
}
