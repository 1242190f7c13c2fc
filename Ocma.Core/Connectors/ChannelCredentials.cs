namespace Ocma.Core.Connectors;

/// <summary>
/// The grant for one connected account, as the connector needs it. Stored encrypted; never logged
/// (ToString is overridden so a stray log line cannot leak a token).
/// </summary>
public sealed record ChannelCredentials(
    string AccountId,
    string AccessToken,
    string? RefreshToken,
    DateTime? AccessTokenExpiresUtc,
    IReadOnlyList<string> Scopes,
    string? InstanceUrl = null)
{
    public override string ToString() => $"ChannelCredentials {{ AccountId = {AccountId}, Expires = {AccessTokenExpiresUtc:O} }}";
}
