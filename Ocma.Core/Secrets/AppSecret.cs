namespace Ocma.Core.Secrets;

/// <summary>A platform app credential, AI key or other secret an Admin set. The value is encrypted; the UI never shows it again.</summary>
public sealed class AppSecret
{
    public int Id { get; set; }

    /// <summary>Stable name, e.g. "mastodon:client_secret", "ai:openai:api_key".</summary>
    public required string Name { get; set; }

    public required string ProtectedValue { get; set; }

    /// <summary>The last four characters, so people can tell which key is set without seeing it.</summary>
    public required string Hint { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public required string UpdatedBy { get; set; }
}
