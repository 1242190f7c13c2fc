namespace Ocma.Core.Channels;

/// <summary>What travels through the platform's consent page inside the protected, time-limited <c>state</c>.</summary>
public sealed record OAuthState(string Nonce, string UserId, int BrandId, string PlatformKey, string CodeVerifier, string ReturnUrl, string? InstanceUrl);
