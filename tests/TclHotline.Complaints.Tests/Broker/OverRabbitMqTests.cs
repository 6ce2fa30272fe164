using TclHotline.Complaints.Consumers;
using TclHotline.Complaints.Tests.Support;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.Testing;

namespace TclHotline.Complaints.Tests.Broker;

/// <summary>The distributed run mode: the same flows with every message through a real RabbitMQ broker.</summary>
[Collection(RabbitMqFixture.Collection)]
public sealed class OverRabbitMqTests(RabbitMqFixture fixture)
{
    [RabbitMqFact]
    public async Task Rule21_and_rule20_a_breached_commitment_opens_one_complaint_which_climbs_when_its_acknowledge_deadline_passes()
    {
        var service = new ComplaintsHost { Settings = fixture.Broker.Configuration };
        await service.InitializeAsync();
        try
        {
            var orderId = Guid.NewGuid();
            var due = DateTimeOffset.UtcNow.AddMinutes(-5);
            await service.PublishAsync(ComplaintsHost.OrderOpened(orderId));
            await service.WaitHandledAsync(nameof(ServiceOrderOpenedConsumer), 1);
            var breach = new DeadlineBreached(
                Guid.NewGuid(), DeadlineOwners.Dispatch, orderId.ToString("D"), DeadlineKinds.OnSite, ComplaintsHost.Shenzhen, due, due, TimeSpan.Zero);
            await service.PublishAsync(breach);
            await service.PublishAsync(breach);
            await service.WaitHandledAsync(nameof(DeadlineBreachedConsumer), 2);

            var complaint = Assert.Single(await service.ComplaintsOfOrderAsync(orderId));
            Assert.Equal(ComplaintSource.CommitmentBreached, complaint.Source);

            var acknowledge = (await service.PublishedAsync<DeadlineSet>(complaint.ComplaintId)).Single(d => d.Kind == DeadlineKinds.Acknowledge);
            await service.PublishAsync(new DeadlineBreached(
                Guid.NewGuid(), DeadlineOwners.Complaints, acknowledge.SubjectId, acknowledge.Kind, acknowledge.BranchCode,
                acknowledge.DueAt, acknowledge.DueAt, TimeSpan.Zero));
            var climbed = await Eventually.Until(
                () => service.Handler().GetComplaintAsync(new GetComplaintRequest { ComplaintId = complaint.ComplaintId }).ResponseAsync,
                c => c.Level == EscalationLevel.RegionalServiceManager,
                what: "the complaint to reach level 2 over the broker");
            Assert.Equal(Desk.RegionalManager, climbed.Owner);
        }
        finally
        {
            await service.DisposeAsync();
        }
    }
}
