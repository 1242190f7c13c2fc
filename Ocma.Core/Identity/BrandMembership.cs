namespace Ocma.Core.Identity;

/// <summary>
/// A person's place in one brand: which role they have there (Editor in one brand, Viewer in another). Admins need none:
/// they see and manage every brand. Anyone else sees only the brands they are a member of.
/// </summary>
public sealed class BrandMembership
{
    public required string UserId { get; set; }

    public int BrandId { get; set; }

    /// <summary>Editor, Contributor or Viewer (never Admin: that role is for the whole console).</summary>
    public required string Role { get; set; }
}
