using Microsoft.AspNetCore.Identity;

namespace Ocma.Core.Identity;

/// <summary>A person who signs in to the console.</summary>
public sealed class OcmaUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public DateTime CreatedUtc { get; set; }
}
