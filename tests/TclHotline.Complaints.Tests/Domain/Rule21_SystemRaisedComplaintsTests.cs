using TclHotline.Complaints.Domain;
using TclHotline.Complaints.Domain.SystemRaised;
using TclHotline.Complaints.Tests.Support;
using TclHotline.Messages.Complaints;

namespace TclHotline.Complaints.Tests.Domain;

public sealed class Rule21_SystemRaisedComplaintsTests
{
    private static readonly DateTimeOffset Start = Desk.FiledAt;
    private static readonly SystemRaisedComplaints Rule = new(new SystemComplaintOptions());

    private static readonly ComplaintSubject Customer =
        new("Wang Fang", "13900139000", Desk.OrderId, "WO-2025-000456", "TCL65Q10K0002", "eng-42");

    private static CommitmentBreach Breach(int hoursAfterStart) =>
        new(Guid.NewGuid(), Desk.OrderId, Start.AddHours(hoursAfterStart - 1), Start.AddHours(hoursAfterStart));

    private static RepeatCall Call(TimeSpan afterStart) => new(Guid.NewGuid(), Desk.OrderId, Start + afterStart);

    private static Complaint Open(SystemComplaintDecision decision, DateTimeOffset at)
    {
        var open = Assert.IsType<OpenComplaint>(decision);
        return Desk.Lifecycle().File(open.Filing(Guid.NewGuid(), "TS-2025-000900", Desk.Branch, Customer, at)).Complaint;
    }

    [Fact]
    public void Rule21_a_breached_on_site_commitment_opens_a_late_visit_complaint_by_itself()
    {
        var breach = Breach(24);

        var decision = Assert.IsType<OpenComplaint>(Rule.OnCommitmentBreached(breach, []));
        var transition = Desk.Lifecycle().File(decision.Filing(Guid.NewGuid(), "TS-2025-000900", Desk.Branch, Customer, breach.BreachedAt));

        Assert.Equal((ComplaintSource.CommitmentBreached, ComplaintCategory.LateOrMissedVisit), (decision.Source, decision.Category));
        var filed = Assert.IsType<ComplaintFiled>(Assert.Single(transition.Events));
        Assert.Equal(("CommitmentBreached", "LateOrMissedVisit", (Guid?)Desk.OrderId), (filed.Source, filed.Category, filed.OrderId));
        Assert.Equal(ComplaintActors.System, transition.Complaint.FiledBy);
        var cause = Assert.Single(transition.Complaint.Occurrences);
        Assert.Equal((breach.BreachId.ToString("D"), breach.BreachedAt), (cause.CauseId, cause.OccurredAt));
        Assert.Equal(2, transition.Deadlines.Count);
    }

    [Fact]
    public void Rule21_a_second_breach_joins_the_same_complaint_and_a_redelivered_one_changes_nothing()
    {
        var first = Breach(24);
        var complaint = Open(Rule.OnCommitmentBreached(first, []), first.BreachedAt);
        var second = Breach(48);

        var join = Assert.IsType<AddToComplaint>(Rule.OnCommitmentBreached(second, [complaint]));
        var joined = ComplaintLifecycle.AddOccurrence(complaint, join.Occurrence);

        Assert.Equal(complaint.Id, join.ComplaintId);
        Assert.True(joined.Changed);
        Assert.Empty(joined.Events);
        Assert.Equal([first.BreachId.ToString("D"), second.BreachId.ToString("D")], joined.Complaint.Occurrences.Select(o => o.CauseId));
        Assert.IsType<NoComplaint>(Rule.OnCommitmentBreached(first, [joined.Complaint]));
        Assert.IsType<NoComplaint>(Rule.OnCommitmentBreached(second, [joined.Complaint]));
        Assert.False(ComplaintLifecycle.AddOccurrence(joined.Complaint, join.Occurrence).Changed);
    }

    [Theory]
    [InlineData(ComplaintStatus.Resolved)]
    [InlineData(ComplaintStatus.Closed)]
    public void Rule21_a_breach_after_its_complaint_was_finished_opens_a_new_one_and_ignores_an_agents_complaint(ComplaintStatus finished)
    {
        var agents = Desk.Lifecycle().File(Desk.Filing(ComplaintCategory.LateOrMissedVisit)).Complaint;
        var first = Breach(24);

        Assert.IsType<OpenComplaint>(Rule.OnCommitmentBreached(first, [agents]));

        var done = Open(Rule.OnCommitmentBreached(first, []), first.BreachedAt) with { Status = finished };
        var again = Breach(72);
        var open = Assert.IsType<OpenComplaint>(Rule.OnCommitmentBreached(again, [agents, done]));
        Assert.Equal([again.BreachId.ToString("D")], open.Causes.Select(c => c.CauseId));
        // The new complaint starts with its own acknowledge and resolve deadlines.
        var filed = Desk.Lifecycle().File(open.Filing(Guid.NewGuid(), "TS-2025-000901", Desk.Branch, Customer, again.BreachedAt));
        Assert.Equal(2, filed.Deadlines.Count);
        // The breach the finished complaint recorded, redelivered, changes nothing.
        Assert.IsType<NoComplaint>(Rule.OnCommitmentBreached(first, [agents, done]));
    }

    [Fact]
    public void Rule21_a_breach_before_its_complaint_is_resolved_joins_it_and_one_after_opens_a_new_one()
    {
        var first = Breach(24);
        var complaint = Open(Rule.OnCommitmentBreached(first, []), first.BreachedAt);
        var second = Breach(48);

        // Breach first, resolution after: it joins the complaint being handled.
        Assert.Equal(complaint.Id, Assert.IsType<AddToComplaint>(Rule.OnCommitmentBreached(second, [complaint])).ComplaintId);

        // Resolution first, breach after: a new complaint.
        Assert.IsType<OpenComplaint>(Rule.OnCommitmentBreached(second, [complaint with { Status = ComplaintStatus.Resolved }]));
    }

    [Fact]
    public void Rule21_a_missed_booking_deadline_opens_a_late_visit_complaint_saying_so()
    {
        var breach = Breach(24) with { Booking = true };

        var open = Assert.IsType<OpenComplaint>(Rule.OnCommitmentBreached(breach, []));

        Assert.Equal((ComplaintSource.CommitmentBreached, ComplaintCategory.LateOrMissedVisit), (open.Source, open.Category));
        Assert.Contains("no appointment booked", open.Description);
    }

    /// <summary>Known repeat calls as hours after the first, the last being the one now delivered.</summary>
    [Theory]
    [InlineData("0,1", false)]
    [InlineData("0,1,2", true)]
    [InlineData("0,12,24", true)]
    [InlineData("0,25,50", true)]
    [InlineData("0,100,300", true)]
    [InlineData("0,300", false)]
    [InlineData("0,2,1", true)]
    public void Rule21_the_third_repeat_call_over_the_orders_life_opens_a_complaint_however_spread(string hours, bool opens)
    {
        var calls = hours.Split(',').Select(h => Call(TimeSpan.FromHours(double.Parse(h, System.Globalization.CultureInfo.InvariantCulture)))).ToList();

        var decision = Rule.OnRepeatCall(calls[^1], calls[..^1], []);

        if (opens)
        {
            var open = Assert.IsType<OpenComplaint>(decision);
            Assert.Equal((ComplaintSource.RepeatCalls, ComplaintCategory.LateOrMissedVisit), (open.Source, open.Category));
            Assert.Equal(calls.OrderBy(c => c.CalledAt).Select(c => c.RepeatCallId.ToString("D")), open.Causes.Select(o => o.CauseId));
        }
        else
        {
            Assert.IsType<NoComplaint>(decision);
        }
    }

    [Fact]
    public void Rule21_the_same_repeat_call_delivered_twice_counts_once()
    {
        var first = Call(TimeSpan.Zero);
        var second = Call(TimeSpan.FromHours(1));

        Assert.IsType<NoComplaint>(Rule.OnRepeatCall(second, [first, second, first], []));
    }

    [Theory]
    [InlineData(2, 6, "0,1", true)]
    [InlineData(2, 6, "0,7", false)]
    [InlineData(4, 24, "0,1,2", false)]
    [InlineData(4, 24, "0,1,2,3", true)]
    public void Rule21_how_many_repeat_calls_within_what_window_comes_from_configuration(int calls, int windowHours, string hours, bool opens)
    {
        var rule = new SystemRaisedComplaints(new SystemComplaintOptions
        {
            RepeatCallsToRaise = calls,
            RepeatCallWindow = TimeSpan.FromHours(windowHours),
        });
        var known = hours.Split(',').Select(h => Call(TimeSpan.FromHours(int.Parse(h, System.Globalization.CultureInfo.InvariantCulture)))).ToList();

        var decision = rule.OnRepeatCall(known[^1], known[..^1], []);

        Assert.Equal(opens, decision is OpenComplaint);
    }

    [Fact]
    public void Rule21_a_branch_that_wants_a_window_counts_within_it_others_over_the_whole_life()
    {
        var rule = new SystemRaisedComplaints(new SystemComplaintOptions
        {
            RepeatCallWindowByBranch = new() { ["SZ"] = TimeSpan.FromHours(24) },
        });
        var spread = new[] { Call(TimeSpan.Zero), Call(TimeSpan.FromHours(25)), Call(TimeSpan.FromHours(50)) };

        Assert.IsType<NoComplaint>(rule.OnRepeatCall(spread[2], spread[..2], [], "SZ"));
        Assert.IsType<OpenComplaint>(rule.OnRepeatCall(spread[2], spread[..2], [], "CS"));
    }

    [Theory]
    [InlineData(ComplaintStatus.Resolved)]
    [InlineData(ComplaintStatus.Closed)]
    public void Rule21_a_chase_after_the_repeat_call_complaint_was_finished_opens_a_new_one_at_once(ComplaintStatus finished)
    {
        var calls = new[] { Call(TimeSpan.Zero), Call(TimeSpan.FromHours(1)), Call(TimeSpan.FromHours(2)) };
        var complaint = Open(Rule.OnRepeatCall(calls[2], calls[..2], []), calls[2].CalledAt);
        var fourth = Call(TimeSpan.FromDays(3));

        // The chase before the resolution joins the complaint being handled...
        Assert.IsType<AddToComplaint>(Rule.OnRepeatCall(fourth, calls, [complaint]));

        // ...the chase after it opens a new one, holding only the calls the finished one did not record.
        var done = complaint with { Status = finished };
        var open = Assert.IsType<OpenComplaint>(Rule.OnRepeatCall(fourth, calls, [done]));
        Assert.Equal([fourth.RepeatCallId.ToString("D")], open.Causes.Select(c => c.CauseId));
        Assert.IsType<NoComplaint>(Rule.OnRepeatCall(calls[1], [.. calls, fourth], [done]));
    }

    [Fact]
    public void Rule21_a_fourth_call_joins_the_repeat_call_complaint_and_an_earlier_call_redelivered_changes_nothing()
    {
        var calls = new[] { Call(TimeSpan.Zero), Call(TimeSpan.FromHours(1)), Call(TimeSpan.FromHours(2)) };
        var complaint = Open(Rule.OnRepeatCall(calls[2], calls[..2], []), calls[2].CalledAt);
        var fourth = Call(TimeSpan.FromHours(3));

        var join = Assert.IsType<AddToComplaint>(Rule.OnRepeatCall(fourth, calls, [complaint]));

        Assert.Equal(complaint.Id, join.ComplaintId);
        Assert.Equal(fourth.RepeatCallId.ToString("D"), join.Occurrence.CauseId);
        Assert.IsType<NoComplaint>(Rule.OnRepeatCall(calls[0], [.. calls, fourth], [complaint]));
    }

    [Fact]
    public void Rule21_a_breach_complaint_and_a_repeat_call_complaint_are_different_causes()
    {
        var breach = Open(Rule.OnCommitmentBreached(Breach(24), []), Start.AddHours(24));
        var calls = new[] { Call(TimeSpan.FromHours(25)), Call(TimeSpan.FromHours(26)), Call(TimeSpan.FromHours(27)) };

        Assert.IsType<OpenComplaint>(Rule.OnRepeatCall(calls[2], calls[..2], [breach]));
    }
}
