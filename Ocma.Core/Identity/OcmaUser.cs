using Microsoft.AspNetCore.Identity;

namespace Ocma.Core.Identity;

/// <summary>A person who signs in to the console.</summary>
public sealed class OcmaUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The brand this person last chose to work in; null (or a deleted brand) means the first brand.</summary>
    public int? CurrentBrandId { get; set; }
}
