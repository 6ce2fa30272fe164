using System.Globalization;
using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Returns.Domain;

/// <summary>
/// The branches' calendar: today, and the days of a month ("yyyy-MM"), in the branch catalogue's default time zone
/// (Branches:UnlistedProvinces:TimeZone): dealer stock and returns are counted on one calendar across branches.
/// </summary>
public sealed class ReturnsCalendar(BranchCatalogue branches, TimeProvider time)
{
    public TimeZoneInfo Zone { get; } = branches.DefaultTimeZone;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => LegalPeriod.LocalDate(time.GetUtcNow(), Zone);

    public DateOnly DateOf(DateTimeOffset instant) => LegalPeriod.LocalDate(instant, Zone);

    /// <summary>The first day of the month and the first day of the next, or null when <paramref name="month"/> is not yyyy-MM.</summary>
    public static (DateOnly From, DateOnly To)? Month(string? month)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            return null;
        return (first, first.AddMonths(1));
    }

    public static string MonthOf(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
