using System.Text.RegularExpressions;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Bluesky;

/// <summary>
/// Connecting with a handle and an app password: on the server the person names, or else on the server the handle's
/// identity names (any PDS, not only bsky.social). The session is kept on the account's own server.
/// </summary>
internal sealed partial class BlueskySignIn(BlueskyApiClient client, BlueskyOptions options)
{
    public async Task<ConnectorResult<ConnectedAccounts>> ConnectAsync(string handle, string appPassword, string? serviceUrl, CancellationToken cancellationToken)
    {
        var identifier = (handle ?? string.Empty).Trim().TrimStart('@');
        if (identifier.Length == 0)
        {
            return ConnectorResult<ConnectedAccounts>.Fail(FailureKind.Rejected, "Enter the Bluesky handle, for example team.bsky.social.");
        }

        if (!AppPassword().IsMatch(appPassword ?? string.Empty))
        {
            return ConnectorResult<ConnectedAccounts>.Fail(FailureKind.Rejected, "Use an app password (Bluesky Settings → Privacy and security → App passwords), in the form xxxx-xxxx-xxxx-xxxx — never the account password.");
        }

        var server = await ServerAsync(identifier, serviceUrl, cancellationToken);
        if (!server.Succeeded)
        {
            return server.Failure!;
        }

        var session = await client.CreateSessionAsync(server.Value, new BlueskyLogin(identifier, appPassword!), cancellationToken);
        if (!session.Succeeded)
        {
            return session.Failure!.Kind == FailureKind.AuthRevoked
                ? ConnectorResult<ConnectedAccounts>.Fail(FailureKind.Rejected, $"{server.Value.Host} did not accept that handle and app password: check both (an app password that was deleted in Bluesky's settings no longer works) and try again.", session.Failure.PlatformCode)
                : session.Failure;
        }

        var s = session.Value;
        if (s.Active == false)
        {
            return ConnectorResult<ConnectedAccounts>.Fail(FailureKind.Rejected, $"This Bluesky account is {s.Status ?? "deactivated or suspended"}: reactivate it in Bluesky, then connect it again.");
        }

        var home = BlueskyIdentity.ServerIn(s.DidDoc, options.AllowHttpServices) ?? server.Value;
        var credentials = new ChannelCredentials(s.Did, s.AccessJwt, s.RefreshJwt, BlueskyTokens.ExpiresUtc(s.AccessJwt), ["app-password"], home.ToString());
        return ConnectorResult<ConnectedAccounts>.Success(new ConnectedAccounts([new ConnectableAccount(s.Did, s.Handle, "@" + s.Handle, credentials)]));
    }

    /// <summary>The server named by the person; else, for a handle, the one its identity names; for an e-mail, the entryway.</summary>
    private async Task<ConnectorResult<Uri>> ServerAsync(string identifier, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(serviceUrl))
        {
            return BlueskyServers.Parse(serviceUrl, options.AllowHttpServices) is { } named
                ? ConnectorResult<Uri>.Success(named)
                : ConnectorResult<Uri>.Fail(FailureKind.Rejected, BlueskyServers.Problem(serviceUrl));
        }

        return identifier.Contains('@', StringComparison.Ordinal)
            ? ConnectorResult<Uri>.Success(BlueskyServers.Parse(options.DefaultServiceUrl, options.AllowHttpServices)
                ?? throw new InvalidOperationException("Connectors:Bluesky:DefaultServiceUrl must be a usable server address."))
            : await new BlueskyIdentity(client, options).FindServerAsync(identifier, cancellationToken);
    }

    [GeneratedRegex("^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$")]
    private static partial Regex AppPassword();
}
