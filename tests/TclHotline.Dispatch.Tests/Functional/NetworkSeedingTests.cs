using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Seed;
using TclHotline.ServiceDefaults.Branches;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests.Functional;

public class NetworkSeedingTests
{
    [Fact]
    public async Task Shipped_network_is_seeded_once_however_many_instances_start_on_the_database()
    {
        var shipped = new NetworkSeedParser(new DispatchOptions(), BranchCatalogue.Shipped()).Parse(NetworkSeed.DefaultJson());
        var folder = Path.Combine(Path.GetTempPath(), "dispatch-seed-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The second instance starts on the database the first one migrated and seeded.
            await using var first = await TestHost.StartAsync([new DispatchModule()], dataDirectory: folder);
            await using var second = await TestHost.StartAsync([new DispatchModule()], dataDirectory: folder);

            var network = await new Proto.RosterService.RosterServiceClient(second.ChannelAs(HotlineRoles.Administrator))
                .GetNetworkAsync(new Proto.GetNetworkRequest());

            Assert.Equal(shipped.Branches.Count, network.Branches.Count);
            Assert.Equal(shipped.Outlets.Count, network.Outlets.Count);
            Assert.Equal(shipped.Engineers.Select(e => e.Id).Order(), network.Engineers.Select(e => e.EngineerId).Order());
            var liu = network.Engineers.Single(e => e.EngineerId == "CS-E01");
            Assert.Equal([Proto.Skill.Repair, Proto.Skill.Panel], liu.Skills);
            Assert.Equal("08:00", liu.Shifts[0].Start);
            Assert.False(network.Engineers.Single(e => e.EngineerId == "CS-E10").Active);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
