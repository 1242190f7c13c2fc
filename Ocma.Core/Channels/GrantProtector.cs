using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Ocma.Core.Connectors;
using Ocma.Core.Secrets;

namespace Ocma.Core.Channels;

/// <summary>Encrypts channel grants for storage and decrypts them for a connector call.</summary>
public sealed class GrantProtector(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector(ProtectionPurposes.ChannelGrant);

    public string Protect(ChannelCredentials credentials) => _protector.Protect(JsonSerializer.Serialize(credentials));

    public ChannelCredentials Unprotect(string protectedGrant) =>
        JsonSerializer.Deserialize<ChannelCredentials>(_protector.Unprotect(protectedGrant))
        ?? throw new InvalidOperationException("A stored grant could not be read.");
}
