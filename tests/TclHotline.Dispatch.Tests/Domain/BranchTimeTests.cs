using System.Globalization;
using TclHotline.Dispatch.Domain.Network;

namespace TclHotline.Dispatch.Tests.Domain;

/// <summary>
/// Planning converts branch time without asking TimeZoneInfo each time (the base offset where no rule changes it,
/// shift periods kept per engineer); the answers must be TimeZoneInfo's and Shift.PeriodsBetween's.
/// </summary>
public class BranchTimeTests
{
    // Shanghai kept daylight saving 1986-1991 and not since; Berlin keeps it; St John's is half an hour off the hour.
    public static TheoryData<string> Zones() => ["Asia/Shanghai", "Asia/Hong_Kong", "Europe/Berlin", "America/St_Johns", "UTC"];

    [Theory]
    [MemberData(nameof(Zones))]
    public void A_branch_clock_converts_as_its_time_zone_does_in_every_era(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var clock = new BranchClock(zone);
        var random = new Random(zoneId.Length);
        var from = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // Every era at random, and every quarter hour of the days around Shanghai's last change and Berlin's changes of 2025.
        var instants = Enumerable.Range(0, 20_000).Select(_ => from + TimeSpan.FromMinutes(random.NextInt64(200L * 365 * 24 * 60)))
            .Concat(new[] { "1991-09-13", "2025-03-29", "2025-10-25" }.SelectMany(day =>
                Enumerable.Range(0, 3 * 24 * 4).Select(q => DateTimeOffset.Parse(day, CultureInfo.InvariantCulture) + TimeSpan.FromMinutes(15 * q))));

        foreach (var instant in instants)
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
            Assert.Equal(local, clock.LocalTime(instant));
            Assert.Equal(AsTheZoneSays(zone, local), clock.Instant(local));
            var wall = local.Date + TimeSpan.FromMinutes(random.Next(24 * 60));
            Assert.Equal(AsTheZoneSays(zone, wall), clock.Instant(wall));
        }
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void Kept_shift_periods_are_those_each_shift_gives_for_the_same_span(string zoneId)
    {
        var clock = BranchClock.Of(zoneId);
        var random = new Random(zoneId.Length);
        var shifts = new[] { "08:00-18:00", "20:00-06:00", "00:00-00:00", "02:30-03:30", "12:00-22:00" }.Select(text =>
        {
            var parts = text.Split('-');
            return new Shift(Enum.GetValues<DayOfWeek>().Where(_ => random.Next(3) > 0).ToHashSet(),
                TimeOnly.Parse(parts[0], CultureInfo.InvariantCulture), TimeOnly.Parse(parts[1], CultureInfo.InvariantCulture));
        }).ToList();
        var engineer = new Engineer("A", "engineer A", "O1", new HashSet<Skill> { Skill.Repair }, shifts,
            new Dictionary<OrderType, TimeSpan>(), 5, true);
        var kept = ShiftPeriods.Of(engineer, clock);
        // Around Berlin's change of March 2025, wandering forwards and back and now and then far ahead, as planning asks.
        var at = DateTimeOffset.Parse("2025-03-25", CultureInfo.InvariantCulture);

        for (var i = 0; i < 3000; i++)
        {
            at += TimeSpan.FromMinutes(random.Next(-600, 900)) + (random.Next(200) == 0 ? TimeSpan.FromDays(40) : TimeSpan.Zero);
            var from = at;
            var to = random.Next(3) == 0 ? from : from + TimeSpan.FromMinutes(random.Next(0, 4 * 24 * 60));

            var expected = shifts.SelectMany(s => s.PeriodsBetween(clock, from, to)).OrderBy(p => p.Start).ThenBy(p => p.End).ToList();
            Assert.Equal(expected, kept.Around(from, to).Where(p => p.Overlaps(from, to)).OrderBy(p => p.Start).ThenBy(p => p.End).ToList());
        }

        Assert.Same(kept, ShiftPeriods.Of(engineer, clock));
    }

    /// <summary>What BranchClock.Instant answered before it knew fixed offsets: TimeZoneInfo after every skipped minute.</summary>
    private static DateTimeOffset AsTheZoneSays(TimeZoneInfo zone, DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(1);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
