using TclHotline.Complaints.Domain;
using TclHotline.Complaints.Tests.Support;
using TclHotline.Messages.Complaints;

namespace TclHotline.Complaints.Tests.Domain;

public sealed class Rule20_EscalationTests
{
    private static string Subject(Complaint complaint, ComplaintDeadlineKind kind) => complaint.Pending(kind)!.SubjectId;

    [Fact]
    public void Rule20_a_missed_acknowledge_deadline_climbs_one_level_with_a_fresh_acknowledge_deadline()
    {
        var complaint = Desk.Filed();
        var resolveBefore = complaint.Pending(ComplaintDeadlineKind.Resolve);
        var missedAt = Desk.FiledAt.AddHours(2).AddSeconds(3);

        var transition = Desk.Escalation().DeadlineMissed(complaint, Subject(complaint, ComplaintDeadlineKind.Acknowledge), missedAt);

        var escalated = transition.Complaint;
        Assert.Equal((EscalationLevel.RegionalServiceManager, Desk.RegionalManager, ComplaintStatus.Filed),
            (escalated.Level, escalated.Owner, escalated.Status));
        var published = Assert.IsType<ComplaintEscalated>(Assert.Single(transition.Events));
        Assert.Equal((1, 2, "RegionalServiceManager", Desk.RegionalManager, missedAt),
            (published.FromLevel, published.ToLevel, published.LevelName, published.Owner, published.EscalatedAt));
        Assert.Contains("Acknowledge deadline", published.Reason);
        var fresh = Assert.IsType<SetDeadline>(Assert.Single(transition.Deadlines));
        Assert.Equal((ComplaintDeadlineKind.Acknowledge, missedAt, missedAt.AddHours(2)), (fresh.Kind, fresh.StartsAt, fresh.DueAt));
        Assert.Equal(fresh.SubjectId, Subject(escalated, ComplaintDeadlineKind.Acknowledge));
        // The resolve deadline runs on from filing: the customer's wait does not restart.
        Assert.Equal(resolveBefore, escalated.Pending(ComplaintDeadlineKind.Resolve));
        var step = Assert.Single(escalated.Escalations);
        Assert.Equal((EscalationTrigger.AcknowledgeMissed, ComplaintActors.System), (step.Trigger, step.EscalatedBy));
        Assert.Equal(
            new MissedDeadline(ComplaintDeadlineKind.Acknowledge, EscalationLevel.BranchServiceDirector, Desk.FiledAt.AddHours(2), missedAt),
            Assert.Single(escalated.MissedDeadlines));
    }

    [Fact]
    public void Rule20_an_unacknowledged_complaint_climbs_level_by_level_and_stops_at_headquarters()
    {
        var escalation = Desk.Escalation();
        var complaint = Desk.Filed();
        var climbed = new List<(EscalationLevel Level, string Owner, int Events, int Deadlines)>();

        for (var miss = 0; miss < 4; miss++)
        {
            var due = complaint.Pending(ComplaintDeadlineKind.Acknowledge);
            if (due is null)
            {
                break;
            }

            var transition = escalation.DeadlineMissed(complaint, due.SubjectId, due.DueAt);
            complaint = transition.Complaint;
            climbed.Add((complaint.Level, complaint.Owner, transition.Events.Count, transition.Deadlines.Count));
        }

        Assert.Equal(
            [
                (EscalationLevel.RegionalServiceManager, Desk.RegionalManager, 1, 1),
                (EscalationLevel.HeadquartersCustomerService, Desk.Headquarters, 1, 1),
                // At the top the miss is recorded; nobody further up, and no timer re-armed.
                (EscalationLevel.HeadquartersCustomerService, Desk.Headquarters, 0, 0),
            ],
            climbed);
        Assert.Equal(3, complaint.MissedDeadlines.Count);
        Assert.Equal(2, complaint.Escalations.Count);
        Assert.Null(complaint.Pending(ComplaintDeadlineKind.Acknowledge));
    }

    [Fact]
    public void Rule20_a_missed_resolve_deadline_climbs_with_a_fresh_resolve_deadline()
    {
        var complaint = Desk.InStatus(ComplaintStatus.Investigating);
        var due = complaint.Pending(ComplaintDeadlineKind.Resolve)!;

        var transition = Desk.Escalation().DeadlineMissed(complaint, due.SubjectId, due.DueAt.AddMinutes(1));

        var fresh = Assert.IsType<SetDeadline>(Assert.Single(transition.Deadlines));
        Assert.Equal((ComplaintDeadlineKind.Resolve, due.DueAt.AddMinutes(1).AddHours(72)), (fresh.Kind, fresh.DueAt));
        Assert.Equal(EscalationLevel.RegionalServiceManager, transition.Complaint.Level);
        Assert.Equal(EscalationTrigger.ResolveMissed, Assert.Single(transition.Complaint.Escalations).Trigger);
    }

    public static TheoryData<string, Func<Complaint, (Complaint Complaint, string SubjectId)>> StaleBreaches => new()
    {
        {
            "acknowledged before the breach was handled",
            c => (Desk.Lifecycle().Acknowledge(c, Desk.Agent, Desk.FiledAt.AddHours(1)).Complaint, Subject(c, ComplaintDeadlineKind.Acknowledge))
        },
        {
            "the same breach delivered twice",
            c =>
            {
                var subject = Subject(c, ComplaintDeadlineKind.Acknowledge);
                return (Desk.Escalation().DeadlineMissed(c, subject, Desk.FiledAt.AddHours(2)).Complaint, subject);
            }
        },
        {
            "a deadline replaced by a manual escalation",
            c => (Desk.Escalation().Escalate(c, "VIP customer", Desk.Agent, Desk.FiledAt.AddHours(1)).Complaint, Subject(c, ComplaintDeadlineKind.Acknowledge))
        },
        { "another complaint's deadline", c => (c, DeadlineSubject.Format(Guid.NewGuid(), 1)) },
    };

    [Theory]
    [MemberData(nameof(StaleBreaches))]
    public void Rule20_a_breach_of_a_deadline_no_longer_pending_changes_nothing(string why, Func<Complaint, (Complaint Complaint, string SubjectId)> arrange)
    {
        var (complaint, subjectId) = arrange(Desk.Filed());

        var transition = Desk.Escalation().DeadlineMissed(complaint, subjectId, Desk.FiledAt.AddHours(3));

        Assert.False(transition.Changed, why);
        Assert.Same(complaint, transition.Complaint);
        Assert.Empty(transition.Events);
        Assert.Empty(transition.Deadlines);
    }

    [Theory]
    [InlineData(ComplaintStatus.Filed, ComplaintDeadlineKind.Acknowledge, 2)]
    [InlineData(ComplaintStatus.Acknowledged, ComplaintDeadlineKind.Resolve, 72)]
    [InlineData(ComplaintStatus.Investigating, ComplaintDeadlineKind.Resolve, 72)]
    public void Rule20_a_manual_escalation_gives_the_new_owner_a_fresh_deadline_for_the_current_step(
        ComplaintStatus status, ComplaintDeadlineKind step, int hours)
    {
        var complaint = Desk.InStatus(status);
        var replaced = complaint.Pending(step)!;
        var at = Desk.FiledAt.AddHours(10);

        var transition = Desk.Escalation().Escalate(complaint, "Customer threatens to go to the press", "agent-5", at);

        Assert.Equal(new CancelDeadline(replaced.SubjectId, step, at), transition.Deadlines[0]);
        var fresh = Assert.IsType<SetDeadline>(transition.Deadlines[1]);
        Assert.Equal((step, at, at.AddHours(hours)), (fresh.Kind, fresh.StartsAt, fresh.DueAt));
        Assert.Equal(2, transition.Deadlines.Count);
        var published = Assert.IsType<ComplaintEscalated>(Assert.Single(transition.Events));
        Assert.Equal(("Customer threatens to go to the press", Desk.RegionalManager), (published.Reason, published.Owner));
        var stepTaken = Assert.Single(transition.Complaint.Escalations);
        Assert.Equal((EscalationTrigger.Manual, "agent-5"), (stepTaken.Trigger, stepTaken.EscalatedBy));
    }

    [Fact]
    public void Rule20_a_manual_escalation_from_headquarters_is_refused()
    {
        var escalation = Desk.Escalation();
        var complaint = Desk.Filed();
        complaint = escalation.Escalate(complaint, "first", Desk.Agent, Desk.FiledAt.AddMinutes(1)).Complaint;
        complaint = escalation.Escalate(complaint, "second", Desk.Agent, Desk.FiledAt.AddMinutes(2)).Complaint;
        Assert.Equal(EscalationLevel.HeadquartersCustomerService, complaint.Level);

        var refused = Assert.Throws<ComplaintTransitionRefused>(
            () => escalation.Escalate(complaint, "third", Desk.Agent, Desk.FiledAt.AddMinutes(3)));

        Assert.Contains("top level", refused.Message);
    }

    [Fact]
    public void Rule20_a_level_without_a_named_owner_goes_to_the_levels_default_owner()
    {
        var owners = Desk.Owners();
        var complaint = Desk.Lifecycle(owners: owners).File(Desk.Filing() with { BranchCode = "XJ-URC" }).Complaint;

        var escalated = Desk.Escalation(owners).Escalate(complaint, "why", Desk.Agent, Desk.FiledAt.AddHours(1)).Complaint;

        Assert.Equal("Service director of branch XJ-URC", complaint.Owner);
        Assert.Equal("Regional service manager for branch XJ-URC", escalated.Owner);
    }

    [Fact]
    public void Rule20_a_level_without_any_owner_is_reported_as_configuration()
    {
        var owners = Desk.Owners();
        owners.DefaultRegionalServiceManager = "";
        owners.DefaultBranchServiceDirector = "";
        var listed = Desk.Lifecycle(owners: owners).File(Desk.Filing()).Complaint;
        var unlisted = Desk.Lifecycle().File(Desk.Filing() with { BranchCode = "XJ-URC" }).Complaint;

        var escalated = Desk.Escalation(owners).Escalate(listed, "why", Desk.Agent, Desk.FiledAt.AddHours(1)).Complaint;
        var missing = Assert.Throws<EscalationOwnerMissing>(
            () => Desk.Escalation(owners).Escalate(unlisted, "why", Desk.Agent, Desk.FiledAt.AddHours(1)));
        var missingAtFiling = Assert.Throws<EscalationOwnerMissing>(
            () => Desk.Lifecycle(owners: owners).File(Desk.Filing() with { BranchCode = "XJ-URC" }));

        Assert.Equal(Desk.RegionalManager, escalated.Owner);
        Assert.Equal((EscalationLevel.RegionalServiceManager, "XJ-URC"), (missing.Level, missing.BranchCode));
        Assert.Equal((EscalationLevel.BranchServiceDirector, "XJ-URC"), (missingAtFiling.Level, missingAtFiling.BranchCode));
    }
}
