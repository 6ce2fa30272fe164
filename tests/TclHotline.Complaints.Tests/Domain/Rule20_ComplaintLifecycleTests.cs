using TclHotline.Complaints.Domain;
using TclHotline.Complaints.Tests.Support;
using TclHotline.Messages.Complaints;
using static TclHotline.Complaints.Domain.ComplaintAction;
using static TclHotline.Complaints.Domain.ComplaintStatus;

namespace TclHotline.Complaints.Tests.Domain;

public sealed class Rule20_ComplaintLifecycleTests
{
    /// <summary>Written out here, apart from the code's own table, so the two must agree.</summary>
    private static readonly Dictionary<(ComplaintStatus From, ComplaintAction Action), ComplaintStatus> Allowed = new()
    {
        [(Filed, Acknowledge)] = Acknowledged,
        [(Acknowledged, StartInvestigation)] = Investigating,
        [(Investigating, Resolve)] = Resolved,
        [(Resolved, Close)] = Closed,
        [(Resolved, Reopen)] = Investigating,
        [(Filed, Escalate)] = Filed,
        [(Acknowledged, Escalate)] = Acknowledged,
        [(Investigating, Escalate)] = Investigating,
    };

    public static TheoryData<ComplaintStatus, ComplaintAction> EveryStatusAndAction()
    {
        var data = new TheoryData<ComplaintStatus, ComplaintAction>();
        foreach (var status in Enum.GetValues<ComplaintStatus>())
        {
            foreach (var action in Enum.GetValues<ComplaintAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void Rule20_each_action_moves_the_complaint_or_is_refused_from_its_status(ComplaintStatus from, ComplaintAction action)
    {
        var complaint = Desk.InStatus(from);
        var at = Desk.FiledAt.AddDays(1);

        ComplaintTransition Act() => action switch
        {
            Acknowledge => Desk.Lifecycle().Acknowledge(complaint, Desk.Agent, at),
            StartInvestigation => Desk.Lifecycle().StartInvestigation(complaint, Desk.Agent, at),
            Resolve => Desk.Lifecycle().Resolve(complaint, "Refunded", 0m, Desk.Agent, at),
            Close => Desk.Lifecycle().Close(complaint, 5, Desk.Agent, at),
            Reopen => Desk.Lifecycle().Reopen(complaint, "Still charged", Desk.Agent, at),
            Escalate => Desk.Escalation().Escalate(complaint, "Customer asked for a manager", Desk.Agent, at),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        if (Allowed.TryGetValue((from, action), out var to))
        {
            var transition = Act();
            Assert.Equal(to, transition.Complaint.Status);
            if (action != Escalate)
            {
                var changed = Assert.Single(transition.Events.OfType<ComplaintStatusChanged>());
                Assert.Equal((from.ToString(), to.ToString(), Desk.Agent, at), (changed.FromStatus, changed.ToStatus, changed.ChangedBy, changed.ChangedAt));
            }
        }
        else
        {
            var refused = Assert.Throws<ComplaintTransitionRefused>(Act);
            Assert.Equal((from, action), (refused.Status, refused.Action));
            Assert.Contains(from.ToString(), refused.Message);
            Assert.Contains(action.ToString(), refused.Message);
        }
    }

    [Fact]
    public void Rule20_filing_gives_the_branch_service_director_both_deadlines_and_publishes_it()
    {
        var filing = Desk.Filing();

        var transition = Desk.Lifecycle().File(filing);

        var complaint = transition.Complaint;
        Assert.Equal((Filed, EscalationLevel.BranchServiceDirector, Desk.Director), (complaint.Status, complaint.Level, complaint.Owner));
        var acknowledge = Assert.IsType<SetDeadline>(transition.Deadlines[0]);
        var resolve = Assert.IsType<SetDeadline>(transition.Deadlines[1]);
        Assert.Equal((ComplaintDeadlineKind.Acknowledge, Desk.FiledAt, Desk.FiledAt.AddHours(2), Desk.Branch),
            (acknowledge.Kind, acknowledge.StartsAt, acknowledge.DueAt, acknowledge.BranchCode));
        Assert.Equal((ComplaintDeadlineKind.Resolve, Desk.FiledAt, Desk.FiledAt.AddHours(72), Desk.Branch),
            (resolve.Kind, resolve.StartsAt, resolve.DueAt, resolve.BranchCode));
        Assert.NotEqual(acknowledge.SubjectId, resolve.SubjectId);
        Assert.Equal(
            [acknowledge.SubjectId, resolve.SubjectId],
            complaint.PendingDeadlines.Select(d => d.SubjectId));
        var filed = Assert.IsType<ComplaintFiled>(Assert.Single(transition.Events));
        Assert.Equal(
            new ComplaintFiled(filing.Id, filing.Number, Desk.Branch, "FeeDispute", "Agent", Desk.OrderId, "eng-42", Desk.FiledAt),
            filed);
    }

    [Theory]
    [InlineData(ComplaintCategory.EngineerConduct, 1, 48)]
    [InlineData(ComplaintCategory.ProductQuality, 4, 72)]
    [InlineData(ComplaintCategory.FeeDispute, 2, 72)]
    [InlineData(ComplaintCategory.DealerConduct, 2, 72)]
    public void Rule20_deadline_spans_come_from_configuration_by_category(ComplaintCategory category, int acknowledgeHours, int resolveHours)
    {
        var spans = new ComplaintDeadlineOptions
        {
            ByCategory =
            {
                [ComplaintCategory.EngineerConduct] = new() { AcknowledgeWithin = TimeSpan.FromHours(1), ResolveWithin = TimeSpan.FromHours(48) },
                // Only the acknowledge span overridden: resolve falls back to the default.
                [ComplaintCategory.ProductQuality] = new() { AcknowledgeWithin = TimeSpan.FromHours(4) },
            },
        };

        var complaint = Desk.Lifecycle(spans).File(Desk.Filing(category)).Complaint;

        Assert.Equal(Desk.FiledAt.AddHours(acknowledgeHours), complaint.Pending(ComplaintDeadlineKind.Acknowledge)!.DueAt);
        Assert.Equal(Desk.FiledAt.AddHours(resolveHours), complaint.Pending(ComplaintDeadlineKind.Resolve)!.DueAt);
    }

    [Fact]
    public void Rule20_acknowledging_meets_the_acknowledge_deadline_and_keeps_the_resolve_deadline()
    {
        var complaint = Desk.Filed();
        var acknowledgeSubject = complaint.Pending(ComplaintDeadlineKind.Acknowledge)!.SubjectId;
        var at = Desk.FiledAt.AddMinutes(40);

        var transition = Desk.Lifecycle().Acknowledge(complaint, Desk.Agent, at);

        Assert.Equal(new MeetDeadline(acknowledgeSubject, ComplaintDeadlineKind.Acknowledge, at), Assert.Single(transition.Deadlines));
        Assert.Equal(at, transition.Complaint.AcknowledgedAt);
        Assert.Equal([ComplaintDeadlineKind.Resolve], transition.Complaint.PendingDeadlines.Select(d => d.Kind));
    }

    [Fact]
    public void Rule20_resolving_records_what_was_done_and_meets_the_resolve_deadline()
    {
        var complaint = Desk.InStatus(Investigating);
        var resolveSubject = complaint.Pending(ComplaintDeadlineKind.Resolve)!.SubjectId;
        var at = Desk.FiledAt.AddHours(30);

        var transition = Desk.Lifecycle().Resolve(complaint, "Fee refunded, engineer warned", 300m, "agent-9", at);

        Assert.Equal(new Resolution("Fee refunded, engineer warned", 300m, "agent-9", at), transition.Complaint.Resolution);
        Assert.Equal(new MeetDeadline(resolveSubject, ComplaintDeadlineKind.Resolve, at), Assert.Single(transition.Deadlines));
        Assert.Empty(transition.Complaint.PendingDeadlines);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(3, true)]
    [InlineData(0, false)]
    [InlineData(6, false)]
    [InlineData(-1, false)]
    public void Rule20_closing_takes_the_return_calls_score_within_the_scale(int score, bool accepted)
    {
        var complaint = Desk.InStatus(Resolved);
        var at = Desk.FiledAt.AddDays(4);

        if (accepted)
        {
            var closed = Desk.Lifecycle().Close(complaint, score, Desk.Agent, at).Complaint;
            Assert.Equal((Closed, score, at), (closed.Status, closed.SatisfactionScore, closed.ClosedAt));
        }
        else
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Desk.Lifecycle().Close(complaint, score, Desk.Agent, at));
        }
    }

    [Fact]
    public void Rule20_reopening_goes_back_to_investigating_with_a_fresh_resolve_deadline_for_the_owner()
    {
        var complaint = Desk.InStatus(Resolved);
        var at = Desk.FiledAt.AddDays(5);

        var transition = Desk.Lifecycle().Reopen(complaint, "Charged again on the next visit", "agent-3", at);

        var reopened = transition.Complaint;
        Assert.Equal((Investigating, Desk.Director), (reopened.Status, reopened.Owner));
        Assert.Equal(new Reopening("Charged again on the next visit", "agent-3", at), Assert.Single(reopened.Reopenings));
        var set = Assert.IsType<SetDeadline>(Assert.Single(transition.Deadlines));
        Assert.Equal((ComplaintDeadlineKind.Resolve, at, at.AddHours(72)), (set.Kind, set.StartsAt, set.DueAt));
        // A new SLA identity: the first resolve deadline was met and must stay met.
        Assert.DoesNotContain(set.SubjectId, complaint.PendingDeadlines.Select(d => d.SubjectId));
        Assert.Equal(set.SubjectId, reopened.Pending(ComplaintDeadlineKind.Resolve)!.SubjectId);
    }

    [Fact]
    public void Rule20_a_complaint_is_refused_without_a_description()
    {
        var filing = Desk.Filing() with { Description = " " };

        Assert.Throws<ArgumentException>(() => Desk.Lifecycle().File(filing));
    }
}
