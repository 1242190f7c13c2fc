using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ocma.Core.Secrets.KeyRing;

/// <summary>How the key ring is protected at rest, for the System page.</summary>
public sealed record KeyRingProtection(KeyRingProtectionKind Kind, string Description)
{
    public bool IsProtected => Kind != KeyRingProtectionKind.None;

    /// <summary>Encrypts new keys per the <c>DataProtection</c> settings; a setting that cannot work stops start-up naming it.</summary>
    public static void Apply(IDataProtectionBuilder builder, IConfiguration configuration, string dataDirectory)
    {
        var options = configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var protection = options.Kind switch
        {
            KeyRingProtectionKind.Certificate => WithCertificate(builder, options),
            KeyRingProtectionKind.KeyFile => WithKeyFile(builder, options, dataDirectory),
            _ => new KeyRingProtection(KeyRingProtectionKind.None, "Not encrypted: a copy of the data folder can decrypt every stored grant and secret."),
        };
        builder.Services.AddSingleton(protection);
    }

    private static KeyRingProtection WithCertificate(IDataProtectionBuilder builder, KeyRingOptions options)
    {
        var path = Path.GetFullPath(options.CertificatePath!);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' cannot be opened ({e.Message}). Check DataProtection__CertificatePassword in the environment.", e);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' has no private key; export the certificate as .pfx with its key.");
        }

        builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        return new KeyRingProtection(KeyRingProtectionKind.Certificate, $"Encrypted to the certificate {certificate.Subject} (thumbprint {certificate.Thumbprint}).");
    }

    private static KeyRingProtection WithKeyFile(IDataProtectionBuilder builder, KeyRingOptions options, string dataDirectory)
    {
        var cipher = KeyFileCipher.Open(options.KeyFile!, dataDirectory);
        if (!cipher.Succeeded)
        {
            throw new InvalidOperationException(cipher.Error);
        }

        builder.Services.AddSingleton(cipher.Value);
        builder.Services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new KeyFileXmlEncryptor(cipher.Value));
        return new KeyRingProtection(KeyRingProtectionKind.KeyFile, $"Encrypted with the key file {Path.GetFullPath(options.KeyFile!)} (AES-256-GCM).");
    }
}
