using Grpc.Core;
using TclHotline.Foundation.Tests.Support;
using TclHotline.Grpc.Audit.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Foundation.Tests.Functional;

public sealed class AuditTrailTests
{
    [Fact]
    public async Task An_audited_change_is_listed_for_administrators_with_who_and_before_after()
    {
        await using var host = await TestHost.StartAsync([new LedgerModule()]);
        var db = (LedgerDatabase)host.Services.GetService(typeof(LedgerDatabase))!;
        var caller = new Caller("dispatcher-7", new HashSet<string> { HotlineRoles.Dispatcher }, "CS", null);
        await using (var unit = await db.BeginAsync())
        {
            await unit.AuditAsync(caller, "visit.assign-override", "visit", "V-1", new { engineer = "E1" }, new { engineer = "E2" });
            await unit.CommitAsync();
        }
        await using (var rolledBack = await db.BeginAsync())
            await rolledBack.AuditAsync(caller, "visit.assign-override", "visit", "V-2", null, null); // never committed

        var audit = new AuditTrail.AuditTrailClient(host.ChannelAs(HotlineRoles.Administrator));
        var page = await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Service = "ledger" });

        var entry = Assert.Single(page.Entries);
        Assert.Equal(("dispatcher-7", "CS", "visit.assign-override", "V-1"), (entry.Actor, entry.ActorBranch, entry.Action, entry.SubjectId));
        Assert.Contains("E1", entry.BeforeJson);
        Assert.Contains("E2", entry.AfterJson);
    }

    [Fact]
    public async Task The_trail_pages_newest_first_and_refuses_a_token_it_did_not_return()
    {
        await using var host = await TestHost.StartAsync([new LedgerModule()]);
        var db = (LedgerDatabase)host.Services.GetService(typeof(LedgerDatabase))!;
        var caller = new Caller("dispatcher-7", new HashSet<string> { HotlineRoles.Dispatcher }, "CS", null);
        foreach (var visit in new[] { "V-1", "V-2", "V-3" })
        {
            await using var unit = await db.BeginAsync();
            await unit.AuditAsync(caller, "visit.assign-override", "visit", visit, null, null);
            await unit.CommitAsync();
        }

        var audit = new AuditTrail.AuditTrailClient(host.ChannelAs(HotlineRoles.Administrator));
        var first = await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Service = "ledger", PageSize = 2 });
        var second = await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Service = "ledger", PageSize = 2, PageToken = first.NextPageToken });
        var forged = await Assert.ThrowsAsync<RpcException>(() =>
            audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageToken = "ledger:99" }).ResponseAsync);

        Assert.Equal(["V-3", "V-2"], first.Entries.Select(e => e.SubjectId));
        Assert.Equal(["V-1"], second.Entries.Select(e => e.SubjectId));
        Assert.Equal("", second.NextPageToken);
        Assert.Equal(StatusCode.InvalidArgument, forged.StatusCode);
        Assert.Equal("page_token", forged.Trailers.GetValue("invalid-fields"));
    }

    [Fact]
    public async Task Only_administrators_read_the_audit_trail()
    {
        await using var host = await TestHost.StartAsync([new LedgerModule()]);
        var audit = new AuditTrail.AuditTrailClient(host.ChannelAs(HotlineRoles.Dispatcher, "CS"));
        var e = await Assert.ThrowsAsync<RpcException>(() => audit.ListAuditEntriesAsync(new ListAuditEntriesRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }

    [Fact]
    public async Task An_unknown_service_is_a_bad_field()
    {
        await using var host = await TestHost.StartAsync([new LedgerModule()]);
        var audit = new AuditTrail.AuditTrailClient(host.ChannelAs(HotlineRoles.Administrator));
        var e = await Assert.ThrowsAsync<RpcException>(() => audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Service = "nope" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("service", e.Status.Detail);
    }
}
