using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Ocma.Core.Secrets;

namespace Ocma.Core.Media;

/// <summary>
/// Time-limited addresses (<c>{PublicBaseUrl}/media/public/{token}</c>) that let a platform fetch one library file
/// without signing in. The token is a protected payload naming the asset and its SHA-256; a tampered or expired one opens to nothing.
/// </summary>
public sealed class MediaPublicLinks(IDataProtectionProvider dataProtection, IConfiguration configuration, IOptions<MediaOptions> options, TimeProvider time)
{
    public const string PathPrefix = "/media/public/";

    private readonly ExpiringProtector _protector = new(dataProtection.CreateProtector(ProtectionPurposes.MediaPublicLink), time);

    /// <summary>The public address of an asset, or null when <c>PublicBaseUrl</c> is not set to an http(s) address.</summary>
    public Uri? For(MediaAsset asset)
    {
        if (!Uri.TryCreate(configuration["PublicBaseUrl"], UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            return null;
        }

        return new Uri(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + PathPrefix + Issue(asset));
    }

    public string Issue(MediaAsset asset) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{asset.Id}:{asset.Sha256}"), options.Value.PublicLinkLifetime);

    /// <summary>The asset a token names, or null when it is tampered with, expired or not a token at all.</summary>
    public MediaPublicLink? Open(string token)
    {
        if (_protector.Open(token) is not string payload)
        {
            return null;
        }

        var parts = payload.Split(':');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? new MediaPublicLink(id, parts[1]) : null;
    }
}

public sealed record MediaPublicLink(int AssetId, string Sha256);
