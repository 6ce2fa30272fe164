using TclHotline.Dispatch.Domain.Network;

namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>
/// Chooses who goes where and when, so that commitments are kept (rule 2). Pure: the network,
/// the existing bookings and the clock come in, a decision goes out; nothing is stored here.
/// </summary>
public sealed class AssignmentPlanner(DispatchOptions options, TimeProvider time)
{
    public CommitmentPolicy Commitments { get; } = new(options);

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// The bookings a plan for <paramref name="order"/> arriving by <paramref name="latestArrival"/> can depend on:
    /// those of the engineers eligible for it (and of <paramref name="alsoEngineers"/>), around [now, latest arrival].
    /// Every plan departs at or after now; a booking matters when it overlaps the trip and visit, adds a candidate
    /// arrival (its end plus the trip) or shares the arrival's local day (capacity). All of those arrive within
    /// <see cref="DispatchOptions.BookingMargin"/> of [now, latest arrival].
    /// </summary>
    public ScheduleWindow BookingsFor(
        ServiceNetwork network, DispatchOrder order, DateTimeOffset latestArrival, params IEnumerable<string> alsoEngineers) =>
        Window(EligibleEngineer.All(network, order, options).Select(c => c.Engineer.Id).Concat(alsoEngineers), latestArrival);

    /// <summary>The bookings <see cref="Override"/> of <paramref name="engineerId"/> can depend on.</summary>
    public ScheduleWindow BookingsOf(string engineerId, Commitment commitment, DateTimeOffset? arrival) =>
        Window([engineerId], arrival is { } at && at > commitment.DueAt ? at : commitment.DueAt);

    /// <summary>The latest arrival <see cref="ProposeAppointments"/> may look at: the end of the last day's last window.</summary>
    public DateTimeOffset LatestProposedArrival => Now + TimeSpan.FromDays(options.AppointmentDaysAhead + 1) + options.AppointmentSlotLength;

    private ScheduleWindow Window(IEnumerable<string> engineerIds, DateTimeOffset latestArrival)
    {
        var now = Now;
        return new(engineerIds.ToHashSet(StringComparer.Ordinal), now - options.BookingMargin,
            (latestArrival > now ? latestArrival : now) + options.BookingMargin);
    }

    /// <summary>
    /// The eligible engineer with the earliest feasible arrival inside the commitment (ties: fewer
    /// visits that day, then id); at risk, to escalate at once, when there is none.
    /// </summary>
    public AssignmentOutcome Plan(
        ServiceNetwork network, Schedule schedule, DispatchOrder order, Commitment commitment, string? excludedEngineerId = null)
    {
        var all = EligibleEngineer.All(network, order, options);
        var eligible = excludedEngineerId is null ? all : all.Where(c => c.Engineer.Id != excludedEngineerId).ToList();
        if (eligible.Count == 0)
        {
            var other = excludedEngineerId is null ? "" : $" other than {excludedEngineerId}";
            return AtRisk(network, order, commitment, AtRiskReason.NoEngineerCovers,
                $"no active engineer{other} with {Skills(order)} covers district {order.DistrictCode}");
        }

        var from = commitment.NotBefore ?? Now;
        var best = Earliest(eligible, schedule, from, commitment.DueAt);
        return best is null
            ? AtRisk(network, order, commitment, AtRiskReason.NoArrivalBeforeCommitment,
                $"none of {eligible.Count} eligible engineers can arrive between {Later(from, Now):O} and the commitment {commitment.DueAt:O}")
            : new VisitAssigned(order, commitment, best);
    }

    /// <summary>
    /// Rule 2, remote: the first windows (on the branch-local grid of the slot length, over today and
    /// the configured days ahead) in which an engineer can really arrive.
    /// </summary>
    public AppointmentProposal ProposeAppointments(ServiceNetwork network, Schedule schedule, DispatchOrder order)
    {
        var eligible = EligibleEngineer.All(network, order, options);
        if (eligible.Count == 0)
        {
            return new([], $"no active engineer with {Skills(order)} covers district {order.DistrictCode}");
        }

        var clock = OwnerOf(network, order).Clock;
        var slots = new List<AppointmentSlot>();
        var today = clock.LocalDate(Now);
        for (var day = today; day <= today.AddDays(options.AppointmentDaysAhead); day = day.AddDays(1))
        {
            for (var offset = TimeSpan.Zero; offset < TimeSpan.FromDays(1); offset += options.AppointmentSlotLength)
            {
                var window = Commitments.WindowAt(clock.Instant(day.ToDateTime(TimeOnly.MinValue) + offset));
                if (window.Start < Now)
                {
                    continue;
                }

                if (Earliest(eligible, schedule, window.Start, window.End) is { } plan)
                {
                    slots.Add(new AppointmentSlot(window, plan));
                    if (slots.Count == options.AppointmentSlotsOffered)
                    {
                        return new(slots, null);
                    }
                }
            }
        }

        return new(slots, slots.Count > 0 ? null
            : $"no engineer can arrive in any window over the next {options.AppointmentDaysAhead} days");
    }

    /// <summary>Books the window starting at <paramref name="windowStart"/>: its end becomes the commitment.</summary>
    public AssignmentOutcome BookAppointment(ServiceNetwork network, Schedule schedule, DispatchOrder order, DateTimeOffset windowStart)
    {
        var commitment = Commitments.Appointment(Commitments.WindowAt(windowStart), Now);
        if (windowStart < Now)
        {
            return new AssignmentRefused(order, commitment, [new("window_start", $"window start {windowStart:O} has passed")]);
        }

        return Plan(network, schedule, order, commitment);
    }

    /// <summary>
    /// At an SLA warning: someone other than the engineer now booked who can still make the
    /// commitment, or at risk when nobody can.
    /// </summary>
    public AssignmentOutcome Reassign(ServiceNetwork network, Schedule schedule, OpenVisit visit) =>
        Plan(network, schedule.Without(visit.Booking.VisitId), visit.Order, visit.Commitment, visit.Booking.EngineerId);

    /// <summary>
    /// The customer's move shifts the commitment to the new window and plans it afresh; the outlet's
    /// move keeps the engineer and the original commitment, so a later time puts the order at risk.
    /// </summary>
    public AssignmentOutcome Reschedule(
        ServiceNetwork network, Schedule schedule, OpenVisit visit, DateTimeOffset newStart, RescheduleCause cause)
    {
        var rest = schedule.Without(visit.Booking.VisitId);
        return cause == RescheduleCause.Customer
            ? Plan(network, rest, visit.Order, Commitments.Reschedule(visit.Commitment, newStart, cause))
            : Override(network, rest, visit.Order, visit.Commitment, visit.Booking.EngineerId, newStart);
    }

    /// <summary>
    /// A dispatcher's choice of engineer, checked for activity, skill and coverage, and, when a time
    /// is given, for shift, bookings and capacity. Without a time the engineer's earliest arrival
    /// inside the commitment is taken.
    /// </summary>
    public AssignmentOutcome Override(
        ServiceNetwork network, Schedule schedule, DispatchOrder order, Commitment commitment, string engineerId, DateTimeOffset? arrival)
    {
        if (network.Engineer(engineerId) is not { } engineer)
        {
            return new AssignmentRefused(order, commitment, [new("engineer_id", $"engineer {engineerId} is unknown")]);
        }

        var problems = EligibleEngineer.Problems(network, engineer, order, options, "engineer_id");
        if (problems.Count > 0)
        {
            return new AssignmentRefused(order, commitment, problems);
        }

        var candidate = EligibleEngineer.For(network, engineer, order, options)!;
        if (arrival is null)
        {
            return candidate.EarliestPlan(schedule, Now, commitment.NotBefore ?? Now, commitment.DueAt) is { } earliest
                ? new VisitAssigned(order, commitment, earliest)
                : new AssignmentRefused(order, commitment, [new("planned_arrival",
                    $"engineer {engineerId} cannot arrive before the commitment {commitment.DueAt:O}; give a planned arrival")]);
        }

        return AssignAt(network, schedule, order, commitment, candidate, arrival.Value);
    }

    /// <summary>
    /// An engineer was deactivated with visits booked: re-plan each of them with the others, most
    /// urgent commitment first, each new booking taken into account for the next.
    /// </summary>
    public IReadOnlyList<AssignmentOutcome> ReplanVisitsOf(
        string engineerId, ServiceNetwork network, Schedule schedule, IEnumerable<OpenVisit> visits)
    {
        var theirs = visits.Where(v => v.Booking.EngineerId == engineerId).OrderBy(v => v.Commitment.DueAt).ToList();
        var rest = theirs.Aggregate(schedule, (s, v) => s.Without(v.Booking.VisitId));
        var outcomes = new List<AssignmentOutcome>();
        foreach (var visit in theirs)
        {
            var outcome = Plan(network, rest, visit.Order, visit.Commitment, engineerId);
            if (outcome is VisitAssigned assigned)
            {
                rest = rest.With(assigned.Plan.ToBooking(visit.Booking.VisitId, visit.Order.OrderId));
            }

            outcomes.Add(outcome);
        }

        return outcomes;
    }

    private AssignmentOutcome AssignAt(
        ServiceNetwork network, Schedule schedule, DispatchOrder order, Commitment commitment, EligibleEngineer candidate, DateTimeOffset arrival)
    {
        if (commitment.NotBefore is { } notBefore && arrival < notBefore)
        {
            return new AssignmentRefused(order, commitment, [new("planned_arrival",
                $"{arrival:O} is before the appointment window starting {notBefore:O}")]);
        }

        var agenda = candidate.Agenda(schedule, Now);
        if (agenda.ConflictAt(arrival, candidate.Coverage.Travel, candidate.Duration) is { } conflict)
        {
            return new AssignmentRefused(order, commitment, [new("planned_arrival",
                $"engineer {candidate.Engineer.Id} cannot arrive at {arrival:O}: {conflict}")]);
        }

        var plan = candidate.PlanAt(arrival, agenda);
        return arrival <= commitment.DueAt
            ? new VisitAssigned(order, commitment, plan)
            : AtRisk(network, order, commitment, AtRiskReason.NoArrivalBeforeCommitment,
                $"planned arrival {arrival:O} is after the commitment {commitment.DueAt:O}", plan);
    }

    /// <summary>
    /// The plan arriving first (ties: fewer visits that day, then engineer id). Nobody arrives before leaving now and
    /// travelling, nor before <paramref name="from"/>: the engineers are tried in the order of that bound, and the
    /// search stops at the first whose bound is later than the best arrival found, since none after it can win.
    /// </summary>
    private VisitPlan? Earliest(IEnumerable<EligibleEngineer> eligible, Schedule schedule, DateTimeOffset from, DateTimeOffset until)
    {
        var now = Now;
        VisitPlan? best = null;
        foreach (var (candidate, soonest) in eligible.Select(c => (c, Later(from, now + c.Coverage.Travel))).OrderBy(c => c.Item2))
        {
            if (best is not null && soonest > best.Arrival)
            {
                break;
            }

            if (candidate.EarliestPlan(schedule, now, from, until) is { } plan && (best is null || Precedes(plan, best)))
            {
                best = plan;
            }
        }

        return best;
    }

    private static bool Precedes(VisitPlan plan, VisitPlan other) =>
        plan.Arrival != other.Arrival ? plan.Arrival < other.Arrival
        : plan.BookingsThatDay != other.BookingsThatDay ? plan.BookingsThatDay < other.BookingsThatDay
        : string.CompareOrdinal(plan.EngineerId, other.EngineerId) < 0;

    private static CommitmentAtRisk AtRisk(
        ServiceNetwork network, DispatchOrder order, Commitment commitment, AtRiskReason reason, string detail, VisitPlan? latePlan = null)
    {
        var branch = OwnerOf(network, order);
        return new CommitmentAtRisk(order, commitment, reason, detail, branch.Code, branch.ServiceDirector, latePlan);
    }

    private static Branch OwnerOf(ServiceNetwork network, DispatchOrder order) =>
        network.Branch(order.BranchCode)
        ?? throw new KeyNotFoundException($"branch {order.BranchCode} of order {order.OrderId} is not in the network");

    private string Skills(DispatchOrder order) => "skills " + string.Join("+", order.RequiredSkills(options).Order());

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
