using TclHotline.EndToEnd.Tests.Apis;
using TclHotline.EndToEnd.Tests.Harness;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TclHotline.EndToEnd.Tests.Scenarios;

/// <summary>Complaints as customers live them, across the complaint desk, the bus and the SLA timer.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ComplaintScenarioTests(SystemUnderTest system, ITestOutputHelper output)
{
    // Rule 20's default acknowledge span, plus a margin for the timer's scan.
    private static readonly TimeSpan PastAcknowledgeDeadline = TimeSpan.FromHours(2) + TimeSpan.FromMinutes(5);

    [RabbitMqFact]
    public async Task Rule20_a_complaint_nobody_acknowledges_climbs_two_levels_as_each_deadline_passes()
    {
        var desk = new ComplaintDeskCalls(system);
        var filed = await desk.FileAsync(ComplaintDeskCalls.NewComplaint("FZ", "climb-" + Guid.NewGuid().ToString("N")[..8]));
        Assert.Equal(EscalationLevel.BranchServiceDirector, filed.Level);
        Assert.Equal("director-FZ", filed.Owner);
        try
        {
            await system.AdvanceClockAsync(PastAcknowledgeDeadline);
            var second = await LevelReachedAsync(filed.ComplaintId, EscalationLevel.RegionalServiceManager);
            Assert.Equal("regional-manager-central", second.Owner);

            await system.AdvanceClockAsync(PastAcknowledgeDeadline);
            var top = await LevelReachedAsync(filed.ComplaintId, EscalationLevel.HeadquartersCustomerService);
            Assert.Equal("hq-customer-service", top.Owner);
            Assert.Equal(ComplaintStatus.Filed, top.Status);
            Assert.Equal(
                [EscalationTrigger.AcknowledgeMissed, EscalationTrigger.AcknowledgeMissed],
                top.Escalations.Select(e => e.Trigger).ToArray());
            Assert.Equal(2, top.MissedDeadlines.Count(m => m.Kind == DeadlineKind.Acknowledge));
            output.WriteLine($"complaint {top.ComplaintNumber}: {string.Join(" → ", top.Escalations.Select(e => $"{e.ToLevel} ({e.Owner})"))}");
        }
        catch (Exception)
        {
            output.WriteLine(system.Tails());
            throw;
        }
        finally
        {
            system.Figures.Print(output, "complaint climbing two levels");
        }
    }

    private async Task<Complaint> LevelReachedAsync(string complaintId, EscalationLevel level)
    {
        var desk = new ComplaintDeskCalls(system);
        return await Eventually.Until(
            async () =>
            {
                system.Figures.Call();
                return await desk.Handler.GetComplaintAsync(new GetComplaintRequest { ComplaintId = complaintId });
            },
            c => c.Level == level,
            TimeSpan.FromSeconds(45),
            $"complaint {complaintId} escalated to {level}");
    }
}
