using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace TclHotline.Intake.Tests.Support;

/// <summary>Dates and a fake clock in the branch's time zone (Beijing time, UTC+8, no DST).</summary>
internal static class Clock
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? OptionalD(string? date) => date is null ? null : D(date);

    /// <summary>An instant at a branch-local date and time, e.g. ("2025-03-08", "23:30").</summary>
    public static DateTimeOffset Local(string date, string time = "10:00") =>
        new(D(date).ToDateTime(TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture)), TimeSpan.FromHours(8));

    public static FakeTimeProvider At(string date, string time = "10:00") => new(Local(date, time));
}
