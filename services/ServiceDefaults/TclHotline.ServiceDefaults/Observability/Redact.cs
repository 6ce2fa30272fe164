namespace TclHotline.ServiceDefaults.Observability;

/// <summary>
/// Masks customer data before it reaches logs, traces, metric labels or error messages.
/// Phone: keep the first 3 and last 2 digits; name: the first character; street address: nothing.
/// </summary>
public static class Redact
{
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        var digits = phone.Where(char.IsDigit).ToArray();
        if (digits.Length <= 5) return new string('*', digits.Length);
        return new string(digits, 0, 3) + new string('*', digits.Length - 5) + new string(digits, digits.Length - 2, 2);
    }

    public static string Name(string? name) =>
        string.IsNullOrEmpty(name) ? "" : name[..1] + new string('*', Math.Max(1, name.Length - 1));

    public static string Address(string? address) =>
        string.IsNullOrEmpty(address) ? "" : "***";
}
