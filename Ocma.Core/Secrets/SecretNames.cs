using System.Text.RegularExpressions;

namespace Ocma.Core.Secrets;

/// <summary>The secret names Ocma knows how to use, and the rules every name and value must follow.</summary>
public static partial class SecretNames
{
    public const int MaxValueLength = 4096;

    public static readonly IReadOnlyList<string> Known =
    [
        "mastodon:client_id", "mastodon:client_secret",
        "x:client_id", "x:client_secret",
        "linkedin:client_id", "linkedin:client_secret",
        "facebook:client_id", "facebook:client_secret",
        "instagram:client_id", "instagram:client_secret",
        "ai:openai:api_key", "ai:anthropic:api_key",
    ];

    /// <summary>Null when the name is acceptable, otherwise what to fix.</summary>
    public static string? CheckName(string? name) =>
        name is not null && NamePattern().IsMatch(name)
            ? null
            : "Use a name of 3 to 128 characters made of lowercase letters, digits, ':', '_', '-' and '.', for example mastodon:client_secret.";

    /// <summary>Null when the value is acceptable, otherwise what to fix (never quoting the value).</summary>
    public static string? CheckValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "Enter the secret's value.";
        }

        if (value.Length > MaxValueLength)
        {
            return $"The value is {value.Length} characters long; the most a secret may hold is {MaxValueLength}.";
        }

        return char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])
            ? "The value starts or ends with a space or line break, which is almost always a copy-paste slip. Remove it and save again."
            : null;
    }

    [GeneratedRegex("^[a-z0-9:_.-]{3,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
