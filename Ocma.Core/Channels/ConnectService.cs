using Ocma.Core.Audit;
using Ocma.Core.Connectors;

namespace Ocma.Core.Channels;

/// <summary>The OAuth round trip: start (consent URL with protected state and PKCE) and complete (state checked once, code exchanged once).</summary>
public sealed class ConnectService(
    ConnectorRegistry connectors,
    PlatformAppResolver apps,
    OAuthStateCodec stateCodec,
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

        var app = await apps.FindAsync(platformKey, cancellationToken);
        if (app is null)
        {
            return Result.Fail<Uri>($"{connector.Descriptor.DisplayName} has no app credentials yet: an Admin sets its client id and secret under Admin → Secrets.");
        }

        var verifier = Pkce.NewVerifier();
        var state = stateCodec.Seal(new OAuthState(OAuthStateCodec.NewNonce(), actor.UserId, brandId, platformKey, verifier, returnUrl, instanceUrl));
        return connector.BuildAuthorizationUrl(new AuthorizationStart(redirectUri, state, Pkce.Challenge(verifier), app, instanceUrl));
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
        var app = await apps.FindAsync(platformKey, cancellationToken);
        if (app is null)
        {
            return Result.Fail<ConnectOutcome>("The platform's app credentials were removed while connecting.");
        }

        var exchanged = await connector.ExchangeCodeAsync(new CodeExchange(code, redirectUri, state.CodeVerifier, app, state.InstanceUrl), cancellationToken);
        if (!exchanged.Succeeded)
        {
            return Result.Fail<ConnectOutcome>($"{connector.Descriptor.DisplayName} refused the connection: {exchanged.Failure!.Message}");
        }

        var saved = await channels.SaveConnectedAsync(state.BrandId, platformKey, exchanged.Value.Accounts, actor, cancellationToken);
        return new ConnectOutcome(saved, state.ReturnUrl);
    }
}

public sealed record ConnectOutcome(IReadOnlyList<ChannelSummary> Channels, string ReturnUrl);
