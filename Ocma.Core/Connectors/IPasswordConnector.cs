namespace Ocma.Core.Connectors;

/// <summary>
/// Optional: a platform connected with a handle and an app password instead of an OAuth consent page
/// (Bluesky). The password is used once to open a session and is never kept; the returned credentials hold
/// the session tokens, renewed through <see cref="ISocialConnector.RefreshAsync"/>.
/// </summary>
public interface IPasswordConnector
{
    /// <param name="handle">The account's handle or e-mail, e.g. "team.bsky.social".</param>
    /// <param name="appPassword">An app password (xxxx-xxxx-xxxx-xxxx), never the account password.</param>
    /// <param name="serviceUrl">The account's server; null to find it from the handle (or use the platform's default).</param>
    Task<ConnectorResult<ConnectedAccounts>> ConnectWithPasswordAsync(string handle, string appPassword, string? serviceUrl, CancellationToken cancellationToken);

    /// <summary>The server used when a person names none, as a host to show beside the server field (e.g. "bsky.social").</summary>
    string DefaultServer { get; }
}
