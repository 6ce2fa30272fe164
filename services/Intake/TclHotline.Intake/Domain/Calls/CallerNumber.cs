using System.Text.RegularExpressions;

namespace TclHotline.Intake.Domain.Calls;

/// <summary>
/// The caller numbers the hotline accepts: a mainland mobile (1[3-9] and 9 digits), a landline
/// with its area code (010, 02x, or 0 and three digits, then 7–8 digits not starting with 0 or 1),
/// or a 400 number. Spaces and hyphens are dropped.
/// </summary>
public static partial class CallerNumber
{
    public static string? Normalize(string? raw)
    {
        if (raw is null)
            return null;
        var digits = raw.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return Accepted().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex(@"^(1[3-9]\d{9}|0(10|2\d)[2-9]\d{6,7}|0[3-9]\d{2}[2-9]\d{6,7}|400\d{7})$", RegexOptions.CultureInvariant)]
    private static partial Regex Accepted();
}
