using System.Text.Json;
using System.Text.RegularExpressions;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Bluesky;

/// <summary>
/// Finds the server (PDS) that hosts a handle, as atproto clients do: the handle's DID from the entryway
/// (com.atproto.identity.resolveHandle), then the DID document's <c>#atproto_pds</c> service — from the PLC directory
/// for did:plc, from the domain's /.well-known/did.json for did:web.
/// </summary>
internal sealed partial class BlueskyIdentity(BlueskyApiClient client, BlueskyOptions options)
{
    public async Task<ConnectorResult<Uri>> FindServerAsync(string handle, CancellationToken cancellationToken)
    {
        var entryway = BlueskyServers.Parse(options.DefaultServiceUrl, options.AllowHttpServices)
            ?? throw new InvalidOperationException("Connectors:Bluesky:DefaultServiceUrl must be a usable server address.");
        var resolved = await client.ResolveHandleAsync(entryway, handle, cancellationToken);
        if (!resolved.Succeeded)
        {
            return resolved.Failure!.Kind == FailureKind.Rejected
                ? Refused($"Bluesky could not find the handle {handle}: check it, or enter your server's address.")
                : Fail(resolved.Failure.Kind, $"Ocma could not look up which server hosts {handle} ({resolved.Failure.Message}): try again, or enter your server's address.");
        }

        var did = resolved.Value.Did;
        if (DocumentUrl(did) is not { } documentUrl)
        {
            return Refused($"{handle} uses an identity ({did}) Ocma cannot look up: enter your server's address.");
        }

        var document = await client.GetDidDocumentAsync(documentUrl, cancellationToken);
        if (!document.Succeeded)
        {
            return Fail(document.Failure!.Kind, $"Ocma could not read the identity document of {handle} ({document.Failure.Message}): enter your server's address.");
        }

        return ServerIn(document.Value, options.AllowHttpServices) is { } server
            ? ConnectorResult<Uri>.Success(server)
            : Refused($"The identity document of {handle} names no Bluesky server: enter your server's address.");
    }

    /// <summary>The <c>#atproto_pds</c> service endpoint of a DID document, when it is a usable address.</summary>
    public static Uri? ServerIn(JsonElement? document, bool allowHttp)
    {
        if (document is not { ValueKind: JsonValueKind.Object } doc || !doc.TryGetProperty("service", out var services) || services.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var pds = services.EnumerateArray().FirstOrDefault(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("id", out var id)
            && id.ValueKind == JsonValueKind.String && id.GetString()!.EndsWith("#atproto_pds", StringComparison.Ordinal));
        return pds.ValueKind == JsonValueKind.Object && pds.TryGetProperty("serviceEndpoint", out var endpoint) && endpoint.ValueKind == JsonValueKind.String
            ? BlueskyServers.Parse(endpoint.GetString(), allowHttp)
            : null;
    }

    /// <summary>Where the DID's document lives; null for DID methods atproto does not use (and path-based did:web).</summary>
    private Uri? DocumentUrl(string did)
    {
        if (PlcDid().IsMatch(did))
        {
            return new Uri($"{options.PlcDirectoryUrl.TrimEnd('/')}/{did}");
        }

        if (!did.StartsWith("did:web:", StringComparison.Ordinal) || did[8..].Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var scheme = options.AllowHttpServices ? Uri.UriSchemeHttp : Uri.UriSchemeHttps;
        return Uri.TryCreate($"{scheme}://{Uri.UnescapeDataString(did[8..])}/.well-known/did.json", UriKind.Absolute, out var url) ? url : null;
    }

    private static ConnectorResult<Uri> Refused(string message) => Fail(FailureKind.Rejected, message);

    private static ConnectorResult<Uri> Fail(FailureKind kind, string message) => ConnectorResult<Uri>.Fail(kind, message);

    [GeneratedRegex("^did:plc:[a-z0-9]+$")]
    private static partial Regex PlcDid();
}
