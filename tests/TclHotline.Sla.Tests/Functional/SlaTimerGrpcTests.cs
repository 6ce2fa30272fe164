using Grpc.Core;
using TclHotline.Grpc.Sla.V1;
using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Sla.Tests.Support;
using TclHotline.Testing;
using DeadlineKey = TclHotline.Sla.Domain.DeadlineKey;
using DomainState = TclHotline.Sla.Domain.DeadlineState;

namespace TclHotline.Sla.Tests.Functional;

/// <summary>Dispatch monitoring over gRPC on a real host: the live stream, the at-risk list, one deadline, and who may see what.</summary>
public class SlaTimerGrpcTests
{
    private static readonly TimeSpan OnTime = TimeSpan.FromSeconds(1);

    private static DateTimeOffset NowMs() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private static SlaTimer.SlaTimerClient Client(TestHost host, string role = HotlineRoles.Dispatcher, string branch = "CS") =>
        new(host.ChannelAs(role, branch));

    [Fact]
    public async Task Rule21_an_on_site_commitment_is_watched_warned_at_50_and_80_percent_and_breached_once_on_time_and_listed_at_risk()
    {
        await using var host = await TestHost.StartAsync([new SlaModule()]);
        var client = Client(host);
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var watch = client.WatchSlaEvents(new WatchSlaEventsRequest { Kinds = { DeadlineKinds.OnSite } }, cancellationToken: watching.Token);
        await watch.ResponseHeadersAsync;

        var now = NowMs();
        var set = new DeadlineSet(DeadlineOwners.Dispatch, "SO-GRPC-ON-TIME", DeadlineKinds.OnSite, "CS", now, now.AddSeconds(3), now);
        var request = new GetDeadlineRequest { Owner = set.Owner, SubjectId = set.SubjectId, Kind = set.Kind };
        await host.Publish(set);

        var events = new List<SlaEvent>();
        var listedWarned = false;
        while (await watch.ResponseStream.MoveNext(watching.Token))
        {
            events.Add(watch.ResponseStream.Current);
            if (events.Count == 1)
            {
                var atRisk = await client.ListAtRiskAsync(new ListAtRiskRequest());
                listedWarned = atRisk.Deadlines.Any(d => d.Deadline.SubjectId == set.SubjectId && d.Level == AtRiskLevel.Warned);
            }

            if (watch.ResponseStream.Current.EventCase == SlaEvent.EventOneofCase.Breach)
            {
                break;
            }
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500)); // room for a duplicate to be written, were there one
        Assert.Collection(
            events,
            e => Assert.Equal(0.5, e.Warning.Fraction),
            e => Assert.Equal(0.8, e.Warning.Fraction),
            e => Assert.Equal(set.SubjectId, e.Breach.SubjectId));
        foreach (var warning in events.Take(2).Select(e => e.Warning))
        {
            Assert.InRange(warning.WarnedAt.ToDateTimeOffset() - (now + (set.DueAt - now) * warning.Fraction), TimeSpan.Zero, OnTime);
        }

        Assert.InRange(events[2].Breach.Lateness.ToTimeSpan(), TimeSpan.Zero, OnTime);
        Assert.Equal(2, (await host.OutboxBodies<DeadlineWarned>(set.SubjectId)).Count);
        Assert.Single(await host.OutboxBodies<DeadlineBreached>(set.SubjectId));
        Assert.True(listedWarned, "ListAtRisk should show the deadline as warned after its first warning");
        var breachedList = await client.ListAtRiskAsync(new ListAtRiskRequest { Kinds = { DeadlineKinds.OnSite } });
        Assert.Contains(breachedList.Deadlines, d => d.Deadline.SubjectId == set.SubjectId && d.Level == AtRiskLevel.Breached);
        var stored = await client.GetDeadlineAsync(request);
        Assert.Equal(TclHotline.Grpc.Sla.V1.DeadlineState.Breached, stored.State);
        Assert.Equal(0.8, stored.WarnedFraction);
    }

    [Fact]
    public async Task ListAtRisk_pages_oldest_first_within_the_callers_branch()
    {
        await using var host = await TestHost.StartAsync([new SlaModule()]);
        var now = NowMs();

        // Half their span is gone already: each warns at once and stays at risk for hours.
        for (var i = 0; i < 5; i++)
        {
            var startsAt = now.AddHours(-10 - i);
            await host.Publish(new DeadlineSet(DeadlineOwners.Dispatch, $"SO-PAGE-{i}", DeadlineKinds.OnSite, "CS", startsAt, now.AddHours(10), now));
        }

        await host.Publish(new DeadlineSet(DeadlineOwners.Dispatch, "SO-PAGE-GZ", DeadlineKinds.OnSite, "GZ", now.AddHours(-20), now.AddHours(10), now));
        var headquarters = Client(host, HotlineRoles.Administrator, HotlineClaims.AllBranches);
        await Eventually.Until(async () => (await headquarters.ListAtRiskAsync(new ListAtRiskRequest())).Deadlines.Count == 6, TimeSpan.FromSeconds(10), "six warned deadlines");

        var csDispatcher = Client(host);
        var subjects = new List<string>();
        var pages = 0;
        var token = "";
        do
        {
            var page = await csDispatcher.ListAtRiskAsync(new ListAtRiskRequest { PageSize = 2, PageToken = token });
            subjects.AddRange(page.Deadlines.Select(d => d.Deadline.SubjectId));
            Assert.All(page.Deadlines, d => Assert.Equal(AtRiskLevel.Warned, d.Level));
            token = page.NextPageToken;
            pages++;
        }
        while (token != "");

        Assert.Equal(["SO-PAGE-4", "SO-PAGE-3", "SO-PAGE-2", "SO-PAGE-1", "SO-PAGE-0"], subjects);
        Assert.Equal(3, pages);
        var denied = await Assert.ThrowsAsync<RpcException>(() => csDispatcher.ListAtRiskAsync(new ListAtRiskRequest { BranchCode = "GZ" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var gzDeadline = new GetDeadlineRequest { Owner = DeadlineOwners.Dispatch, SubjectId = "SO-PAGE-GZ", Kind = DeadlineKinds.OnSite };
        var deniedOne = await Assert.ThrowsAsync<RpcException>(() => csDispatcher.GetDeadlineAsync(gzDeadline).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, deniedOne.StatusCode);
        Assert.Equal("GZ", (await headquarters.GetDeadlineAsync(gzDeadline)).BranchCode);
    }

    [Fact]
    public async Task Bad_requests_name_every_bad_field_and_only_monitors_may_call()
    {
        await using var host = await TestHost.StartAsync([new SlaModule()]);
        var dispatcher = Client(host);

        var invalid = await Assert.ThrowsAsync<RpcException>(() =>
            dispatcher.ListAtRiskAsync(new ListAtRiskRequest { PageSize = -1, PageToken = "not-a-token", Kinds = { " " } }).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => dispatcher.GetDeadlineAsync(new GetDeadlineRequest()).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            dispatcher.GetDeadlineAsync(new GetDeadlineRequest { Owner = "dispatch", SubjectId = "SO-NONE", Kind = "on-site" }).ResponseAsync);
        var agent = await Assert.ThrowsAsync<RpcException>(() => Client(host, HotlineRoles.Agent).ListAtRiskAsync(new ListAtRiskRequest()).ResponseAsync);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() =>
            new SlaTimer.SlaTimerClient(host.Channel()).ListAtRiskAsync(new ListAtRiskRequest()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal("kinds,page_size,page_token", string.Join(",", invalid.Trailers.GetValue("invalid-fields")!.Split(',').Order()));
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
        Assert.Equal("kind,owner,subject_id", string.Join(",", missing.Trailers.GetValue("invalid-fields")!.Split(',').Order()));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, agent.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Fact]
    public async Task WatchSlaEvents_for_another_branch_is_refused_and_a_filter_skips_other_kinds()
    {
        await using var host = await TestHost.StartAsync([new SlaModule()]);
        var dispatcher = Client(host);
        using var refused = dispatcher.WatchSlaEvents(new WatchSlaEventsRequest { BranchCode = "GZ" });
        var denied = await Assert.ThrowsAsync<RpcException>(() => refused.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var watch = dispatcher.WatchSlaEvents(new WatchSlaEventsRequest { Kinds = { DeadlineKinds.Resolve } }, cancellationToken: watching.Token);
        await watch.ResponseHeadersAsync;
        var now = NowMs();
        // Both overdue at once: the on-site one fires first but is not the watched kind.
        await host.Publish(new DeadlineSet(DeadlineOwners.Dispatch, "SO-WATCH-OTHER-KIND", DeadlineKinds.OnSite, "CS", now.AddHours(-2), now.AddHours(-1), now));
        await host.Until(new DeadlineKey(DeadlineOwners.Dispatch, "SO-WATCH-OTHER-KIND", DeadlineKinds.OnSite), d => d.State == DomainState.Breached, "the other kind breached");
        await host.Publish(new DeadlineSet(DeadlineOwners.Complaints, "C-WATCH-RESOLVE", DeadlineKinds.Resolve, "CS", now.AddHours(-2), now.AddHours(-1), now));

        Assert.True(await watch.ResponseStream.MoveNext(watching.Token));
        Assert.Equal(("C-WATCH-RESOLVE", DeadlineKinds.Resolve), (watch.ResponseStream.Current.Warning.SubjectId, watch.ResponseStream.Current.Warning.Kind));
    }
}
