using System.Security.Cryptography;
using System.Text;

namespace TclHotline.Telephony.Domain;

/// <summary>Checks the webhook's shared secret without leaking, through timing, how much of it matched.</summary>
public static class ConnectorSecret
{
    public static bool Matches(string? configured, string? presented)
    {
        if (string.IsNullOrEmpty(configured) || string.IsNullOrEmpty(presented)) return false;
        // Hashing first gives equal lengths, so the comparison's time depends on neither secret's length.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
