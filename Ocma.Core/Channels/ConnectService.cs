using Ocma.Core.Audit;
using Ocma.Core.Connectors;

namespace Ocma.Core.Channels;

/// <summary>
/// Connecting accounts: the OAuth round trip (start with protected state and PKCE, complete with the state
/// checked once and the code exchanged once), per-server app registration, and app-password sign-in.
/// </summary>
public sealed class ConnectService(
    ConnectorRegistry connectors,
    PlatformAppResolver apps,
    OAuthStateCodec stateCodec,
    PendingConnections pending,
    ChannelService channels)
{
    public async Task<Result<Uri>> StartAsync(string platformKey, int brandId, Actor actor, Uri redirectUri, string returnUrl, string? instanceUrl, CancellationToken cancellationToken)
    {
        if (!actor.CanPublish || actor.UserId is null)
        {
            return Result.Fail<Uri>("Only Editors and Admins can connect channels.");
        }

        var connector = connectors.Find(platformKey);
        if (connector is null)
        {
            return Result.Fail<Uri>($"'{platformKey}' is not a platform this installation can connect.");
        }

        var app = await ResolveAppAsync(connector, instanceUrl, redirectUri, cancellationToken);
        if (!app.Succeeded)
        {
            return Result.Fail<Uri>(app.Error!);
        }

        var verifier = Pkce.NewVerifier();
        var state = stateCodec.Seal(new OAuthState(OAuthStateCodec.NewNonce(), actor.UserId, brandId, platformKey, verifier, returnUrl, instanceUrl));
        return connector.BuildAuthorizationUrl(new AuthorizationStart(redirectUri, state, Pkce.Challenge(verifier), app.Value, instanceUrl));
    }

    public async Task<Result<ConnectOutcome>> CompleteAsync(string platformKey, string? code, string? sealedState, string? error, Uri redirectUri, Actor actor, CancellationToken cancellationToken)
    {
        var state = string.IsNullOrEmpty(sealedState) ? null : stateCodec.Open(sealedState);
        if (state is null || state.PlatformKey != platformKey || state.UserId != actor.UserId)
        {
            return Result.Fail<ConnectOutcome>("This sign-in link is invalid, expired or was already used. Start the connection again from Channels.");
        }

        if (!string.IsNullOrEmpty(error))
        {
            return Result.Fail<ConnectOutcome>($"The platform did not grant access ({error}). Nothing was connected.");
        }

        if (string.IsNullOrEmpty(code))
        {
            return Result.Fail<ConnectOutcome>("The platform sent no authorization code. Nothing was connected; try again.");
        }

        var connector = connectors.Get(platformKey);
        var app = await apps.FindAsync(platformKey, connector is IAppRegisteringConnector ? state.InstanceUrl : null, cancellationToken);
        if (app is null)
        {
            return Result.Fail<ConnectOutcome>("The platform's app credentials were removed while connecting.");
        }

        var exchanged = await connector.ExchangeCodeAsync(new CodeExchange(code, redirectUri, state.CodeVerifier, app, state.InstanceUrl), cancellationToken);
        if (!exchanged.Succeeded)
        {
            return Result.Fail<ConnectOutcome>($"{connector.Descriptor.DisplayName} refused the connection: {exchanged.Failure!.Message}");
        }

        var accounts = exchanged.Value.Accounts;
        if (accounts.Count > 1)
        {
            return new ConnectOutcome([], state.ReturnUrl, pending.Add(actor.UserId!, state.BrandId, platformKey, accounts, state.ReturnUrl));
        }

        var saved = await channels.SaveConnectedAsync(state.BrandId, platformKey, accounts, actor, cancellationToken);
        return new ConnectOutcome(saved, state.ReturnUrl);
    }

    /// <summary>Connects the accounts the person picked from a grant that offered several; the rest are forgotten.</summary>
    public async Task<Result<ConnectOutcome>> ConnectPickedAsync(string pendingId, IReadOnlyCollection<string> accountIds, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.CanPublish || actor.UserId is null)
        {
            return Result.Fail<ConnectOutcome>("Only Editors and Admins can connect channels.");
        }

        if (accountIds.Count == 0)
        {
            return Result.Fail<ConnectOutcome>("Tick at least one account to connect, or cancel.");
        }

        var choice = pending.Take(pendingId, actor.UserId);
        if (choice is null)
        {
            return Result.Fail<ConnectOutcome>("This choice expired (after ten minutes) or was already made. Start the connection again from Channels.");
        }

        var picked = choice.Accounts.Where(a => accountIds.Contains(a.AccountId)).ToList();
        var saved = await channels.SaveConnectedAsync(choice.BrandId, choice.PlatformKey, picked, actor, cancellationToken);
        return new ConnectOutcome(saved, choice.ReturnUrl);
    }

    /// <summary>Platforms that sign in with a handle and an app password (Bluesky): no browser round trip.</summary>
    public async Task<Result<IReadOnlyList<ChannelSummary>>> ConnectWithPasswordAsync(string platformKey, int brandId, string handle, string appPassword, string? serviceUrl, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.CanPublish)
        {
            return Result.Fail<IReadOnlyList<ChannelSummary>>("Only Editors and Admins can connect channels.");
        }

        if (connectors.Find(platformKey) is not IPasswordConnector connector)
        {
            return Result.Fail<IReadOnlyList<ChannelSummary>>($"'{platformKey}' does not sign in with an app password.");
        }

        if (string.IsNullOrWhiteSpace(handle) || string.IsNullOrWhiteSpace(appPassword))
        {
            return Result.Fail<IReadOnlyList<ChannelSummary>>("Enter the account's handle and an app password.");
        }

        var connected = await connector.ConnectWithPasswordAsync(handle.Trim(), appPassword.Trim(), string.IsNullOrWhiteSpace(serviceUrl) ? null : serviceUrl.Trim(), cancellationToken);
        if (!connected.Succeeded)
        {
            return Result.Fail<IReadOnlyList<ChannelSummary>>($"Could not sign in: {connected.Failure!.Message}");
        }

        return Result<IReadOnlyList<ChannelSummary>>.Ok(await channels.SaveConnectedAsync(brandId, platformKey, connected.Value.Accounts, actor, cancellationToken));
    }

    private async Task<Result<PlatformApp>> ResolveAppAsync(ISocialConnector connector, string? instanceUrl, Uri redirectUri, CancellationToken cancellationToken)
    {
        var name = connector.Descriptor.DisplayName;
        if (connector is IAppRegisteringConnector registering)
        {
            if (string.IsNullOrWhiteSpace(instanceUrl))
            {
                return Result.Fail<PlatformApp>($"Enter your {name} server's address, e.g. https://mastodon.social.");
            }

            var registered = await apps.FindOrRegisterAsync(registering, connector.Descriptor.Key, instanceUrl, redirectUri, cancellationToken);
            return registered.Succeeded ? registered.Value : Result.Fail<PlatformApp>($"{name} at {instanceUrl} did not accept Ocma's app: {registered.Failure!.Message}");
        }

        var app = await apps.FindAsync(connector.Descriptor.Key, null, cancellationToken);
        return app is not null
            ? app
            : Result.Fail<PlatformApp>($"{name} has no app credentials yet: an Admin sets its client id and secret under Admin → Secrets ({connector.Descriptor.Key}:client_id and {connector.Descriptor.Key}:client_secret).");
    }
}

/// <param name="PendingId">Set when the grant offered several accounts: the person picks at /channels/pick/{PendingId}.</param>
public sealed record ConnectOutcome(IReadOnlyList<ChannelSummary> Channels, string ReturnUrl, string? PendingId = null);
