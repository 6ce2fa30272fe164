using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Tests.Support;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests.Functional;

/// <summary>
/// What a decision reads: the network from memory while the roster is unchanged (whichever process changes it), and
/// the bookings through the index on engineer and arrival.
/// </summary>
public class PlanningReadsTests
{
    [Fact]
    public async Task A_roster_change_made_through_another_host_on_the_database_is_used_by_the_next_decision()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dispatch-network-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var a = await TestHost.StartAsync([new DispatchModule()], dataDirectory: folder, clock: TestClock.Shared);
            await using var b = await TestHost.StartAsync([new DispatchModule()], dataDirectory: folder, clock: TestClock.Shared);
            var dispatchA = new Proto.DispatchService.DispatchServiceClient(a.ChannelAs(HotlineRoles.Dispatcher, "CS"));
            var rosterA = new Proto.RosterService.RosterServiceClient(a.ChannelAs(HotlineRoles.Dispatcher, "CS"));
            var rosterB = new Proto.RosterService.RosterServiceClient(b.ChannelAs(HotlineRoles.Dispatcher, "CS"));

            // A plans an order, so it holds the network as it was.
            var order = DispatchService.Order();
            await a.Services.GetRequiredService<IBus>().Publish(order);
            await Eventually.Until(() => OrderKnownAsync(a, order.OrderId), known => known, TimeSpan.FromSeconds(15), "order taken in by A");
            Assert.DoesNotContain((await rosterA.GetNetworkAsync(new Proto.GetNetworkRequest())).Engineers, e => e.EngineerId == "CS-NEW");

            // B adds an engineer; A's next decision knows them.
            await rosterB.CreateEngineerAsync(new Proto.CreateEngineerRequest { Engineer = Clients.RoundTheClockEngineer("CS-NEW") });
            var assigned = await dispatchA.AssignEngineerAsync(new Proto.AssignEngineerRequest
            {
                OrderId = order.OrderId.ToString(), EngineerId = "CS-NEW", Reason = "the new engineer is nearby",
            });
            Assert.Equal("CS-NEW", assigned.CurrentVisit.EngineerId);

            // A takes them off again (its own roster API); B sees it, and so does A.
            await rosterA.DeactivateEngineerAsync(new Proto.DeactivateEngineerRequest { EngineerId = "CS-NEW", Reason = "left" });
            Assert.False((await rosterB.GetNetworkAsync(new Proto.GetNetworkRequest())).Engineers.Single(e => e.EngineerId == "CS-NEW").Active);
            Assert.False((await rosterA.GetNetworkAsync(new Proto.GetNetworkRequest())).Engineers.Single(e => e.EngineerId == "CS-NEW").Active);
            Assert.NotEqual("CS-NEW", (await dispatchA.GetOrderDispatchAsync(new Proto.GetOrderDispatchRequest { OrderId = order.OrderId.ToString() }))
                .CurrentVisit?.EngineerId);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Bookings_are_read_through_the_index_on_engineer_and_arrival()
    {
        await using var host = await TestHost.StartAsync([new DispatchModule()], clock: TestClock.Shared);
        await using var connection = await host.Services.GetRequiredService<DispatchDatabase>().OpenAsync();
        var now = TestClock.Now;

        var window = await PlanAsync(connection, DispatchSql.SelectBookingsOfEngineers[SqlDialect.Sqlite],
            new { EngineerIds = """["CS-E01", "CS-E02", "CS-E03"]""", From = now, Until = now.AddDays(3) });
        var ofOne = await PlanAsync(connection, DispatchSql.SelectBookingsOfEngineer, new { EngineerId = "CS-E01" });

        Assert.Contains("USING INDEX ix_visits_engineer_arrival (engineer_id=? AND planned_arrival>? AND planned_arrival<?)", window);
        Assert.Contains("USING INDEX ix_visits_engineer (engineer_id=? AND status=?)", ofOne);
    }

    private static async Task<string> PlanAsync(System.Data.Common.DbConnection connection, string sql, object param) =>
        string.Join("\n", (await connection.QueryAsync("EXPLAIN QUERY PLAN " + sql, param)).Select(row => (string)row.detail));

    private static async Task<bool> OrderKnownAsync(TestHost host, Guid orderId)
    {
        await using var connection = await host.Services.GetRequiredService<DispatchDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM visits WHERE order_id = @Id", new { Id = orderId }) > 0
            || await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM escalations WHERE order_id = @Id", new { Id = orderId }) > 0;
    }
}
