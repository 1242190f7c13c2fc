using Microsoft.AspNetCore.DataProtection;

namespace Ocma.Core.Secrets;

/// <summary>The Data Protection purposes Ocma encrypts with: one per kind of secret, so a value of one kind never decrypts as another.</summary>
public static class ProtectionPurposes
{
    public const string ChannelGrant = "Ocma.ChannelGrant.v1";
    public const string AppSecret = "Ocma.AppSecret.v1";
    public const string OAuthState = "Ocma.OAuthState.v1";
    public const string MediaPublicLink = "Ocma.Media.PublicLink.v1";
}
