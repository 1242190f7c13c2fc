using System.Security.Cryptography;
using System.Text;

namespace Ocma.Core.Sandbox;

internal static class SandboxHashing
{
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public static string NewSecret(string prefix) => prefix + "_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
