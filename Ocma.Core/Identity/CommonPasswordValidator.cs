using Microsoft.AspNetCore.Identity;

namespace Ocma.Core.Identity;

/// <summary>
/// Refuses the passwords people choose most often (a common word or name, a keyboard walk, a run of digits, with a year,
/// digits or a symbol after it): the first thing anyone guessing tries. The list ships inside Ocma
/// (CommonPasswords.txt, made by build/common-passwords.py); nothing is looked up over the network.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<OcmaUser>
{
    public const string Code = "CommonPassword";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static int Count => Common.Value.Count;

    public static bool IsCommon(string password)
    {
        var lowered = password.Trim().ToLowerInvariant();
        return Common.Value.Contains(lowered) || Common.Value.Contains(lowered.TrimEnd('!', '?', '.', '*', '#', '$', '@'));
    }

    public Task<IdentityResult> ValidateAsync(UserManager<OcmaUser> manager, OcmaUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = Code,
                Description = "This password is one of the most common ones and is guessed first. Choose something longer and less predictable, such as three or four unrelated words.",
            })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Ocma.Core.Identity.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from Ocma.Core (CommonPasswords.txt as an embedded resource).");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
