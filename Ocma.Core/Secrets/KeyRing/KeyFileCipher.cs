using System.Security.Cryptography;

namespace Ocma.Core.Secrets.KeyRing;

/// <summary>AES-256-GCM under a key derived from the key file's bytes (SHA-256 of them): nonce, tag and ciphertext in one blob.</summary>
public sealed class KeyFileCipher
{
    public const int MinimumFileBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _key;

    private KeyFileCipher(byte[] key) => _key = key;

    /// <summary>The cipher for <paramref name="path"/>, or the reason it cannot be used, naming the setting.</summary>
    public static Result<KeyFileCipher> Open(string path, string dataDirectory)
    {
        var full = Path.GetFullPath(path);
        var data = Path.GetFullPath(dataDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (full.StartsWith(data, StringComparison.Ordinal))
        {
            return Result.Fail<KeyFileCipher>($"DataProtection:KeyFile '{full}' is inside the data folder, so a copy of the folder would carry its key. Keep it elsewhere, e.g. /etc/ocma/keyring.key.");
        }

        if (!File.Exists(full))
        {
            return Result.Fail<KeyFileCipher>($"DataProtection:KeyFile '{full}' does not exist. Create it once with: head -c 32 /dev/urandom > {full} && chmod 600 {full}");
        }

        var bytes = File.ReadAllBytes(full);
        return bytes.Length < MinimumFileBytes
            ? Result.Fail<KeyFileCipher>($"DataProtection:KeyFile '{full}' has {bytes.Length} bytes; it needs at least {MinimumFileBytes} random bytes (head -c 32 /dev/urandom).")
            : new KeyFileCipher(SHA256.HashData(bytes));
    }

    public byte[] Encrypt(byte[] plain)
    {
        var blob = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = blob.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plain, blob.AsSpan(NonceBytes + TagBytes), blob.AsSpan(NonceBytes, TagBytes));
        return blob;
    }

    /// <summary>The plain bytes; throws <see cref="CryptographicException"/> when the blob was not made with this key file.</summary>
    public byte[] Decrypt(byte[] blob)
    {
        if (blob.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The encrypted key is cut short.");
        }

        var plain = new byte[blob.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(blob.AsSpan(0, NonceBytes), blob.AsSpan(NonceBytes + TagBytes), blob.AsSpan(NonceBytes, TagBytes), plain);
        return plain;
    }
}
