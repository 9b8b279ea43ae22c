using System.Security.Cryptography;
using System.Text;

namespace CustomActivities.Core.ApiClients;

/// <summary>Random secrets and tokens, and the hashes stored in their place.</summary>
public static class ApiSecrets
{
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewClientId() => Guid.NewGuid().ToString("D");

    /// <summary>SHA-256 in hex. The inputs carry 256 random bits, so no salt or stretching is needed.</summary>
    public static string Hash(string value)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return Convert.ToHexStringLower(hash);
    }

    public static bool Matches(string value, string expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(value)), Encoding.ASCII.GetBytes(expectedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
