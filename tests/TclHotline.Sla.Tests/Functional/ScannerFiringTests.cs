using System.Text.Json;
using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Outbox;
using TclHotline.Sla.Domain;
using TclHotline.Sla.Tests.Support;
using TclHotline.Testing;

namespace TclHotline.Sla.Tests.Functional;

/// <summary>The scanner on a real host, real clock and SQLite file: on time, once each, never lost.</summary>
public class ScannerFiringTests
{
    private static readonly TimeSpan OnTime = TimeSpan.FromSeconds(1);

    private static DateTimeOffset NowMs() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private static DeadlineSet SetAhead(string subject, DateTimeOffset now, TimeSpan ahead) =>
        new(DeadlineOwners.Dispatch, subject, DeadlineKinds.OnSite, "CS", now, now + ahead, now);

    internal static T Read<T>(string body) => JsonSerializer.Deserialize<T>(body, MessageTypes.Json)!;

    [Fact]
    public async Task A_deadline_three_seconds_ahead_warns_at_50_and_80_percent_and_breaches_once_each_within_a_second()
    {
        await using var host = await TestHost.StartAsync([new SlaModule()]);
        var now = NowMs();
        var set = SetAhead("SO-FIRE-ON-TIME", now, TimeSpan.FromSeconds(3));

        await host.Publish(set);
        await Eventually.Until(async () => (await host.OutboxBodies<DeadlineBreached>(set.SubjectId)).Count > 0, TimeSpan.FromSeconds(10), "the breach");
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // room for a duplicate to show up, were there one

        var warnings = (await host.OutboxBodies<DeadlineWarned>(set.SubjectId)).Select(Read<DeadlineWarned>).ToList();
        var breach = Assert.Single(await host.OutboxBodies<DeadlineBreached>(set.SubjectId), _ => true);
        var breached = Read<DeadlineBreached>(breach);
        Assert.Equal([0.5, 0.8], warnings.Select(w => w.Fraction));
        Assert.All(warnings, w =>
        {
            var due = now + (set.DueAt - now) * w.Fraction;
            Assert.InRange(w.WarnedAt - due, TimeSpan.Zero, OnTime);
            Assert.Equal(set.DueAt, w.DueAt);
        });
        Assert.Equal(set.DueAt, breached.DueAt);
        Assert.InRange(breached.Lateness, TimeSpan.Zero, OnTime);
        Assert.Equal(("CS", DeadlineKinds.OnSite), (breached.BranchCode, breached.Kind));
    }

    [Fact]
    public async Task A_deadline_met_before_its_due_time_never_breaches()
    {
        await using var host = await TestHost.StartAsync([new SlaModule()]);
        var now = NowMs();
        var set = SetAhead("SO-FIRE-MET-EARLY", now, TimeSpan.FromSeconds(2));
        await host.Publish(set);
        await host.Publish(new DeadlineMet(set.Owner, set.SubjectId, set.Kind, now.AddMilliseconds(500)));

        var key = new DeadlineKey(set.Owner, set.SubjectId, set.Kind);
        await host.Until(key, d => d.State == DeadlineState.Met, "the met deadline");
        await Task.Delay(set.DueAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1.5));

        Assert.Empty(await host.OutboxBodies<DeadlineBreached>(set.SubjectId));
        Assert.Empty(await host.OutboxBodies<DeadlineWarned>(set.SubjectId));
        var met = await host.FindDeadline(key);
        Assert.Equal(DeadlineState.Met, met!.State);
        Assert.Null(met.Lateness);
    }

    [Fact]
    public async Task After_a_restart_what_fell_due_while_down_fires_at_once_with_its_lateness()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "tclhotline-sla-restart-" + Guid.NewGuid().ToString("N"));
        // A separate async flow: MassTransit keeps its log context in an AsyncLocal, which would
        // otherwise carry the stopped host's disposed logger factory into the second host.
        var (now, set) = await Task.Run(async () =>
        {
            await using var first = await TestHost.StartAsync([new SlaModule()], dataDirectory: dataDirectory);
            var startedAt = NowMs();
            // Due in 10 s, first warning at 5 s: room for a slow start on a loaded machine before that warning.
            var toSet = SetAhead("SO-FIRE-AFTER-RESTART", startedAt, TimeSpan.FromSeconds(10));
            await first.Publish(toSet);
            await first.Until(new DeadlineKey(toSet.Owner, toSet.SubjectId, toSet.Kind), d => d.SetAt is not null, "the stored deadline");
            return (startedAt, toSet);
        });
        var key = new DeadlineKey(set.Owner, set.SubjectId, set.Kind);

        Assert.True(DateTimeOffset.UtcNow < now.AddSeconds(5), "the first host must stop before the first warning for this test to mean anything");
        await Task.Delay(set.DueAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
        await using var second = await TestHost.StartAsync([new SlaModule()], dataDirectory: dataDirectory);
        var restartedAt = DateTimeOffset.UtcNow;
        await Eventually.Until(async () => (await second.OutboxBodies<DeadlineBreached>(set.SubjectId)).Count > 0, TimeSpan.FromSeconds(10), "the overdue breach");

        var warnings = (await second.OutboxBodies<DeadlineWarned>(set.SubjectId)).Select(Read<DeadlineWarned>).ToList();
        var breached = Read<DeadlineBreached>(Assert.Single(await second.OutboxBodies<DeadlineBreached>(set.SubjectId)));
        Assert.Equal([0.5, 0.8], warnings.Select(w => w.Fraction));
        Assert.True(breached.Lateness >= TimeSpan.FromSeconds(1), $"lateness {breached.Lateness} should count the downtime");
        Assert.InRange(breached.BreachedAt - restartedAt, TimeSpan.FromSeconds(-1), OnTime);
        Assert.Equal(DeadlineState.Breached, (await second.FindDeadline(key))!.State);
        Directory.Delete(dataDirectory, recursive: true);
    }
}
