namespace Ocma.Core.Connectors;

/// <summary>
/// Optional: a platform where Ocma must register itself as an app on each server before anyone can connect
/// (Mastodon). The caller keeps the returned app per server (encrypted) and passes it to
/// <see cref="ISocialConnector.BuildAuthorizationUrl"/> and the code exchange.
/// </summary>
public interface IAppRegisteringConnector
{
    Task<ConnectorResult<PlatformApp>> RegisterAppAsync(string instanceUrl, Uri redirectUri, CancellationToken cancellationToken);
}
