using TclHotline.ServiceDefaults.Time;

namespace TclHotline.Testing;

/// <summary>
/// The business instant tests put their hosts at, instead of the hour the suite happens to run: Wednesday
/// 2025-03-12 10:00 in Changsha (UTC+8), inside the day shifts and outside the 21:00–08:00 night window. The
/// clocks run forward in real time from there, so timers, scanners and outbox relays behave as they would.
/// Every clock made here reads the same instant at the same moment, so the hosts of one test process agree.
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2025, 3, 12, 10, 0, 0, TimeSpan.FromHours(8));

    // The real moment this process's test clocks read Start.
    private static readonly DateTimeOffset StartedAt = TimeProvider.System.GetUtcNow();

    /// <summary>The clock shared by the hosts of this test process that do not move time.</summary>
    public static ControlledClock Shared { get; } = Create();

    /// <summary>What the hosts on <see cref="Shared"/> read now.</summary>
    public static DateTimeOffset Now => Shared.GetUtcNow();

    /// <summary>A clock reading the same as <see cref="Shared"/>, that a test moves on its own through <paramref name="offsetFile"/>.</summary>
    public static ControlledClock Create(string? offsetFile = null) => new(offsetFile, Start, StartedAt);

    /// <summary>
    /// The offset, in milliseconds, to write into a shared offset file so that separate processes on the system
    /// clock (<c>Clock:Mode</c> Controlled) read the same as <see cref="Shared"/>.
    /// </summary>
    public static long OffsetMs => (long)(Start - StartedAt).TotalMilliseconds;
}
