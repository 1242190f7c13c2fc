using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Security;

public sealed class KeyRingProtectionTests : IDisposable
{
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), "ocma-tests", "keyfiles", Guid.NewGuid().ToString("N") + ".key");

    public KeyRingProtectionTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_keyFile)!);
        File.WriteAllBytes(_keyFile, RandomNumberGenerator.GetBytes(32));
    }

    public void Dispose() => File.Delete(_keyFile);

    [Fact]
    public async Task KeyFile_StoredKeyXml_HasNoPlaintextKeyMaterial()
    {
        await using var app = WithKeyFile(_keyFile);

        Protect(app, "grant");

        var xml = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "keys"), "*.xml")));
        Assert.Contains("keyFileEncrypted", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_StoredKeyXml_IsEncryptedToIt_AndReadsBack()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Ocma key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(200));
        var pfx = _keyFile + ".pfx";
        File.WriteAllBytes(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-password-1"));
        var settings = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "pfx-password-1" };
        await using var app = new OcmaAppFactory(settings: settings);

        var secret = Protect(app, "grant");

        var xml = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "keys"), "*.xml")));
        Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
        await using var again = new OcmaAppFactory(CopyOf(app.DataDirectory), settings);
        Assert.Equal("grant", Unprotect(again, secret));
        File.Delete(pfx);
    }

    [Fact]
    public async Task DataFolderCopy_WithoutTheKeyFile_CannotDecrypt_WithItCan()
    {
        string dataDirectory;
        string secret;
        await using (var original = WithKeyFile(_keyFile))
        {
            dataDirectory = original.DataDirectory;
            secret = Protect(original, "access-token-123");
        }

        var copy = CopyOf(dataDirectory);
        await using (var stolen = new OcmaAppFactory(copy))
        {
            Assert.ThrowsAny<CryptographicException>(() => Unprotect(stolen, secret));
        }

        var otherKeyFile = _keyFile + ".other";
        File.WriteAllBytes(otherKeyFile, RandomNumberGenerator.GetBytes(32));
        await using (var wrongKey = WithKeyFile(otherKeyFile, CopyOf(dataDirectory)))
        {
            Assert.ThrowsAny<CryptographicException>(() => Unprotect(wrongKey, secret));
        }

        File.Delete(otherKeyFile);
        await using var restored = WithKeyFile(_keyFile, CopyOf(dataDirectory));
        Assert.Equal("access-token-123", Unprotect(restored, secret));
    }

    [Fact]
    public async Task NoSetting_KeyRingStillWorks_AndTheSystemPageWarnsItIsUnprotected()
    {
        await using var plain = new OcmaAppFactory();
        Assert.Equal("x", Unprotect(plain, Protect(plain, "x")));
        Assert.Contains("keyring-unprotected", await SystemPageAsync(plain), StringComparison.Ordinal);

        await using var protectedRing = WithKeyFile(_keyFile);
        var page = await SystemPageAsync(protectedRing);
        Assert.DoesNotContain("keyring-unprotected", page, StringComparison.Ordinal);
        Assert.Contains("Encrypted with the key file", page, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFile_InsideTheDataFolder_StopsStartNamingTheSetting()
    {
        var data = OcmaAppFactory.NewDataDirectory();
        Directory.CreateDirectory(data);
        var inside = Path.Combine(data, "ring.key");
        File.WriteAllBytes(inside, RandomNumberGenerator.GetBytes(32));
        using var app = WithKeyFile(inside, data);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("DataProtection:KeyFile", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("inside the data folder", error.ToString(), StringComparison.Ordinal);
    }

    private static OcmaAppFactory WithKeyFile(string keyFile, string? dataDirectory = null) =>
        new(dataDirectory, new Dictionary<string, string?> { ["DataProtection:KeyFile"] = keyFile });

    private static string Protect(OcmaAppFactory app, string text) => app.Get<IDataProtectionProvider>().CreateProtector("key-ring-test").Protect(text);

    private static string Unprotect(OcmaAppFactory app, string text) => app.Get<IDataProtectionProvider>().CreateProtector("key-ring-test").Unprotect(text);

    private static string CopyOf(string dataDirectory)
    {
        var copy = OcmaAppFactory.NewDataDirectory();
        foreach (var file in Directory.GetFiles(dataDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(dataDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private static async Task<string> SystemPageAsync(OcmaAppFactory app)
    {
        await TestUsers.CreateAdminAsync(app);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, TestUsers.AdminEmail, TestUsers.Password));
        return await client.GetStringAsync("/admin/system");
    }
}
