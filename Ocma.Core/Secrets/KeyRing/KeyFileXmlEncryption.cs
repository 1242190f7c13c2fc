using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Ocma.Core.Secrets.KeyRing;

/// <summary>Encrypts each key's XML with the key file before Data Protection writes it to data/keys.</summary>
public sealed class KeyFileXmlEncryptor(KeyFileCipher cipher) : IXmlEncryptor
{
    public const string ElementName = "keyFileEncrypted";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement(ElementName,
            new XComment(" This key is encrypted with DataProtection:KeyFile (AES-256-GCM). "),
            new XElement("value", Convert.ToBase64String(cipher.Encrypt(plain))));
        return new EncryptedXmlInfo(element, typeof(KeyFileXmlDecryptor));
    }
}

/// <summary>
/// Reads keys written by <see cref="KeyFileXmlEncryptor"/>. Data Protection creates it by type with the app's services,
/// so it takes the cipher from there; without a key file configured it cannot open them, and says so.
/// </summary>
public sealed class KeyFileXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var cipher = services.GetService<KeyFileCipher>()
            ?? throw new CryptographicException("This key ring was encrypted with DataProtection:KeyFile, and no key file is configured. Set DataProtection:KeyFile to the same file.");
        var blob = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? string.Empty);
        return XElement.Parse(Encoding.UTF8.GetString(cipher.Decrypt(blob)));
    }
}
