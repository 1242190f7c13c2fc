using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Ocma.Web.Hosting.Security;

/// <summary>
/// The reverse proxies (or their networks) whose X-Forwarded-For and X-Forwarded-Proto Ocma believes. Empty (the
/// default) believes none: Ocma then serves what it sees, which is right when browsers reach it directly.
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string SectionName = "ReverseProxy";

    /// <summary>Addresses of the proxies, e.g. "127.0.0.1" when nginx runs on the same machine.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, in CIDR form, e.g. "172.18.0.0/16" for a Docker network.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ReverseProxy:KnownProxies has '{proxy}', which is not an IP address; write it like 127.0.0.1 or ::1.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ReverseProxy:KnownNetworks has '{network}', which is not a network in CIDR form; write it like 10.0.0.0/8.", [nameof(KnownNetworks)]);
        }
    }
}
