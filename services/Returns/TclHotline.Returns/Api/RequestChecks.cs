using System.Text.RegularExpressions;
using TclHotline.Returns.Domain;
using TclHotline.ServiceDefaults.Validation;

namespace TclHotline.Returns.Api;

/// <summary>
/// Field checks the returns requests share, each naming the field by its proto name (with a prefix for repeated
/// rows). The lengths fit the SQL Server columns (checked by the security tests' column-limit test).
/// </summary>
public static partial class RequestChecks
{
    public const int CodeMax = 40;
    public const int ModelMax = 60;
    public const int TextMax = 1000;
    public const int SerialMax = 32;
    public const int PhotoIdMax = 80;
    public const int PhotosMax = 20;

    [GeneratedRegex("^[A-Z0-9]{6,32}$")] // SerialMax
    private static partial Regex SerialPattern();

    internal static string? Serial(this FieldErrors errors, string field, string? value)
    {
        var serial = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(serial)) errors.Add(field, "is required");
        else if (!SerialPattern().IsMatch(serial)) errors.Add(field, $"must be 6 to {SerialMax} letters A-Z and digits");
        return serial;
    }

    /// <summary>The trimmed text, empty when blank (the returns rows store "" for a missing text).</summary>
    internal static string Text(this FieldErrors errors, string field, string? value, int max, bool required = true) =>
        errors.Text(field, value, required, max) ?? "";

    internal static DateOnly Date(this FieldErrors errors, string field, string? value, DateOnly? notAfter = null)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors.Add(field, "is required"); return default; }
        if (ReturnsCalendar.ParseDate(value.Trim()) is not { } date) { errors.Add(field, "must be a date yyyy-MM-dd"); return default; }
        if (notAfter is { } last && date > last) errors.Add(field, "is in the future");
        return date;
    }

    internal static string Month(this FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "is required");
        else if (ReturnsCalendar.Month(value.Trim()) is null) errors.Add(field, "must be a month yyyy-MM");
        return value?.Trim() ?? "";
    }

    internal static int PageSize(this FieldErrors errors, string field, int value, int defaultSize = 50, int max = 500)
    {
        if (value < 0 || value > max) errors.Add(field, $"must be between 0 and {max}");
        return value == 0 ? defaultSize : value;
    }

    internal static decimal? Money(this FieldErrors errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, "is required");
            return null;
        }
        if (!decimal.TryParse(value.Trim(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount)
            || amount <= 0 || amount > 10_000_000m || decimal.Round(amount, 2) != amount)
        {
            errors.Add(field, "must be a positive amount in yuan with at most two decimals");
            return null;
        }
        return amount;
    }
}
