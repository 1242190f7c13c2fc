namespace Ocma.Core.Brands;

/// <summary>A workspace: the channels, posts and settings of one brand.</summary>
public sealed class Brand
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>IANA zone the team plans in, e.g. "Europe/Berlin". Times are shown in it.</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>When on, a Contributor's posts wait in review until an Editor or Admin approves them.</summary>
    public bool ApprovalsRequired { get; set; }

    public DateTime CreatedUtc { get; set; }
}
