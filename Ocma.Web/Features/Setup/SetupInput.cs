using System.ComponentModel.DataAnnotations;

namespace Ocma.Web.Features.Setup;

public sealed class SetupInput
{
    [Required(ErrorMessage = "Enter the admin's email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address, like admin@example.com.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "Use 10 to 128 characters for the password.")]
    public string Password { get; set; } = "";

    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string ConfirmPassword { get; set; } = "";
}
