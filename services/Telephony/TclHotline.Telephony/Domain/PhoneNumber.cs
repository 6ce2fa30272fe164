namespace TclHotline.Telephony.Domain;

/// <summary>
/// The form phone numbers are kept and looked up in: digits only, without China's country code, so the
/// PBX's caller number (often +86…) finds the customer intake registered (usually without it).
/// </summary>
public static class PhoneNumber
{
    private const string CountryCode = "86";

    public static string Normalize(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return "";
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("00" + CountryCode, StringComparison.Ordinal)) digits = digits[4..];
        else if (digits.StartsWith(CountryCode, StringComparison.Ordinal) && digits.Length == 13) digits = digits[2..];
        return digits;
    }
}
