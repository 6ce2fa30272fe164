using TclHotline.Grpc.Complaints.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Complaints.Tests.Functional;

/// <summary>The complaint desk takes a branch's escalation owners and time zone from the one branch catalogue.</summary>
public sealed class BranchCatalogueTests
{
    [Fact]
    public async Task Rule20_a_branch_added_only_in_configuration_has_its_owners_at_each_level()
    {
        await using var host = await TestHost.StartAsync([new ComplaintsModule()], settings:
            TestBranches.Entry("SZ", "director-shenzhen", "manager-south", areas: ["4403"]));
        var desk = new ComplaintDesk.ComplaintDeskClient(host.ChannelAs(HotlineRoles.ComplaintHandler, "SZ"));

        var filed = await desk.FileComplaintAsync(ComplaintDeskOverGrpcTests.Filing("SZ"));
        var escalated = await desk.EscalateAsync(new EscalateRequest { ComplaintId = filed.ComplaintId, Reason = "VIP", AgentId = "h" });

        Assert.Equal("director-shenzhen", filed.Owner);
        Assert.Equal("manager-south", escalated.Owner);
    }

    [Fact]
    public async Task Rule20_a_shipped_branchs_owner_is_changed_by_configuration_alone()
    {
        var shipped = await FileAsync(settings: []);
        var changed = await FileAsync(settings: [new("Branches:ByCode:CS:ServiceDirector", "director-changsha")]);

        Assert.Equal("周建国", shipped.Owner);
        Assert.Equal("director-changsha", changed.Owner);

        static async Task<Complaint> FileAsync(IEnumerable<KeyValuePair<string, string?>> settings)
        {
            await using var host = await TestHost.StartAsync([new ComplaintsModule()], settings: settings);
            return await new ComplaintDesk.ComplaintDeskClient(host.ChannelAs(HotlineRoles.Agent, "CS")).FileComplaintAsync(ComplaintDeskOverGrpcTests.Filing("CS"));
        }
    }
}
