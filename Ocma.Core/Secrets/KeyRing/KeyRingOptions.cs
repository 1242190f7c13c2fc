namespace Ocma.Core.Secrets.KeyRing;

/// <summary>
/// How the Data Protection key ring (data/keys) is encrypted at rest. Without either setting the keys are stored as
/// plain XML, and anyone with a copy of the data folder can decrypt every stored grant and secret.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) certificate with its private key; each key is encrypted to it.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The certificate's password; set it in the environment (DataProtection__CertificatePassword), not in a file.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>A file of at least 32 random bytes, outside the data folder; each key is encrypted with AES-256-GCM under it.</summary>
    public string? KeyFile { get; set; }

    public KeyRingProtectionKind Kind =>
        !string.IsNullOrWhiteSpace(CertificatePath) ? KeyRingProtectionKind.Certificate
        : !string.IsNullOrWhiteSpace(KeyFile) ? KeyRingProtectionKind.KeyFile
        : KeyRingProtectionKind.None;
}

public enum KeyRingProtectionKind
{
    None,
    Certificate,
    KeyFile,
}
