using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests.Functional;

/// <summary>Dispatch takes its branches from the one branch catalogue: a branch added in configuration is there, no code or seed changed.</summary>
public class BranchCatalogueTests
{
    private static readonly IReadOnlyList<KeyValuePair<string, string?>> Shenzhen =
        TestBranches.Entry("SZ", "director-shenzhen", "manager-south", areas: ["4403"], name: "深圳分公司服务部", timeZone: "Asia/Hong_Kong");

    [Fact]
    public async Task A_branch_added_in_configuration_after_seeding_is_in_the_network_on_the_board_and_takes_outlets()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dispatch-catalogue-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The first start seeds the shipped network; the restart has one more branch in its configuration only.
            await using (await TestHost.StartAsync([new DispatchModule()], dataDirectory: folder)) { }
            await using var host = await TestHost.StartAsync([new DispatchModule()], dataDirectory: folder, settings: Shenzhen);
            var roster = new Proto.RosterService.RosterServiceClient(host.ChannelAs(HotlineRoles.Administrator));

            var network = await roster.GetNetworkAsync(new Proto.GetNetworkRequest());
            var board = await new Proto.DispatchService.DispatchServiceClient(host.ChannelAs(HotlineRoles.Dispatcher, "SZ"))
                .GetBoardAsync(new Proto.GetBoardRequest { BranchCode = "SZ" });
            var outlet = await roster.CreateOutletAsync(new Proto.CreateOutletRequest
            {
                IdempotencyKey = Guid.NewGuid().ToString(),
                Outlet = new Proto.Outlet
                {
                    OutletId = "SZ-FT", BranchCode = "SZ", Name = "福田服务中心", Kind = Proto.OutletKind.Own,
                    Coverage = { new Proto.DistrictCoverage { DistrictCode = "440304", TravelMinutes = 20, DistanceKm = 6 } },
                },
            });

            var shenzhen = Assert.Single(network.Branches, b => b.Code == "SZ");
            Assert.Equal(("深圳分公司服务部", "Asia/Hong_Kong", "director-shenzhen"), (shenzhen.Name, shenzhen.TimeZoneId, shenzhen.ServiceDirector));
            Assert.Equal(["4403"], shenzhen.Areas);
            Assert.Contains(network.Branches, b => b.Code == "CS");
            Assert.Equal(("SZ", "深圳分公司服务部", "Asia/Hong_Kong"), (board.BranchCode, board.BranchName, board.TimeZone));
            Assert.Equal("SZ", outlet.BranchCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
