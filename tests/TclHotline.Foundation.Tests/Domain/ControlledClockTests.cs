using TclHotline.ServiceDefaults.Time;
using Xunit;

namespace TclHotline.Foundation.Tests.Domain;

public sealed class ControlledClockTests
{
    [Fact]
    public void Advancing_the_shared_offset_moves_every_clock_reading_it()
    {
        var file = Path.GetTempFileName();
        var a = new ControlledClock(file);
        var b = new ControlledClock(file);
        var before = a.GetUtcNow();

        ControlledClock.Advance(file, TimeSpan.FromHours(25));
        Thread.Sleep(150); // clocks re-read the file at most every 100 ms

        Assert.InRange(a.GetUtcNow() - before, TimeSpan.FromHours(25), TimeSpan.FromHours(25.1));
        Assert.InRange(b.GetUtcNow() - before, TimeSpan.FromHours(25), TimeSpan.FromHours(25.1));
    }

    [Fact]
    public void A_clock_started_at_a_chosen_instant_reads_it_whatever_the_hour_and_then_runs_in_real_time()
    {
        // 22:00 Changsha, when the day shifts are over: far from whatever the real clock says.
        var start = new DateTimeOffset(2025, 3, 12, 22, 0, 0, TimeSpan.FromHours(8));
        var clock = new ControlledClock(startAt: start);

        var first = clock.GetUtcNow();
        Thread.Sleep(200);
        var second = clock.GetUtcNow();

        Assert.InRange(first - start, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.InRange(second - first, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Clocks_given_the_same_start_and_real_moment_agree_and_the_offset_file_moves_only_its_own()
    {
        var start = new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.FromHours(8));
        var startedAt = TimeProvider.System.GetUtcNow().AddMinutes(-3);
        var file = Path.GetTempFileName();
        var plain = new ControlledClock(startAt: start, startedAt: startedAt);
        var moved = new ControlledClock(file, start, startedAt);

        Assert.InRange(plain.GetUtcNow() - start, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3.1));
        ControlledClock.Advance(file, TimeSpan.FromHours(25));
        Thread.Sleep(150); // clocks re-read the file at most every 100 ms

        Assert.InRange(moved.GetUtcNow() - plain.GetUtcNow(), TimeSpan.FromHours(25) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(25) + TimeSpan.FromSeconds(1));
    }
}
