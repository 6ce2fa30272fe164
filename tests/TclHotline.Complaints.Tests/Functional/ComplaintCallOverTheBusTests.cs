using TclHotline.Complaints.Consumers;
using TclHotline.Complaints.Tests.Support;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Messages.Complaints;
using TclHotline.Messages.Intake;

namespace TclHotline.Complaints.Tests.Functional;

/// <summary>A complaint-type call registered at intake becomes one complaint, however often the call's event arrives.</summary>
public sealed class ComplaintCallOverTheBusTests(ComplaintsHost service) : IClassFixture<ComplaintsHost>
{
    [Fact]
    public async Task Rule20_a_complaint_call_from_intake_files_one_agent_complaint_owned_by_the_branch_service_director()
    {
        var orderId = Guid.NewGuid();
        var call = new ComplaintCallRegistered(
            Guid.NewGuid(), "CALL-1", ComplaintsHost.Shenzhen, "Zhang San", "13900139000", orderId, "WO-1", "SN-1", "eng-7",
            "DealerConduct", "Dealer refused service and back-dated the invoice", "agent-9", DateTimeOffset.UtcNow);
        var seen = await service.HandledAsync(nameof(ComplaintCallRegisteredConsumer));

        await service.PublishAsync(call);
        await service.PublishAsync(call);
        await service.WaitHandledAsync(nameof(ComplaintCallRegisteredConsumer), seen + 2);

        var complaint = Assert.Single(await service.ComplaintsOfOrderAsync(orderId));
        Assert.Equal(call.CallRecordId.ToString("D"), complaint.ComplaintId);
        Assert.Equal(ComplaintSource.Agent, complaint.Source);
        Assert.Equal(ComplaintCategory.DealerConduct, complaint.Category);
        Assert.Equal("agent-9", complaint.FiledBy);
        Assert.Equal("eng-7", complaint.EngineerId);
        Assert.Equal(Desk.Director, complaint.Owner);
        Assert.Single(await service.PublishedAsync<ComplaintFiled>(complaint.ComplaintId));
    }
}
