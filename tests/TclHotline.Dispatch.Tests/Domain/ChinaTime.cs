using System.Globalization;

namespace TclHotline.Dispatch.Tests.Domain;

/// <summary>Writes test instants as Changsha wall-clock times ("2025-03-12 09:00", UTC+8, no DST).</summary>
internal static class ChinaTime
{
    // 2025-03-12 is a Wednesday.
    public static DateTimeOffset At(string local) =>
        new DateTimeOffset(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8))
            .ToUniversalTime();

    public static DateTimeOffset? MaybeAt(string? local) => local is null ? null : At(local);

    public static string Local(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
