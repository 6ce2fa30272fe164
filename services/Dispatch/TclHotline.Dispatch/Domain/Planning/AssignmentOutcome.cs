namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>What the planner decided for one order under its commitment.</summary>
public abstract record AssignmentOutcome(DispatchOrder Order, Commitment Commitment);

/// <summary>An engineer can arrive before the commitment: book <see cref="Plan"/>.</summary>
public sealed record VisitAssigned(DispatchOrder Order, Commitment Commitment, VisitPlan Plan)
    : AssignmentOutcome(Order, Commitment);

public enum AtRiskReason
{
    /// <summary>No active engineer with the skills works from an outlet covering the district.</summary>
    NoEngineerCovers,

    /// <summary>Engineers exist, but none can arrive in time (shifts, bookings, capacity, travel).</summary>
    NoArrivalBeforeCommitment,
}

/// <summary>
/// The commitment cannot be kept: escalate to the branch's service director now, not at the breach.
/// <see cref="LatePlan"/> is set when a visit is still booked, only after the commitment.
/// </summary>
public sealed record CommitmentAtRisk(
    DispatchOrder Order,
    Commitment Commitment,
    AtRiskReason Reason,
    string Detail,
    string BranchCode,
    string ServiceDirector,
    VisitPlan? LatePlan = null)
    : AssignmentOutcome(Order, Commitment);

/// <summary>A request the planner will not carry out; nothing changes. Each problem names its field.</summary>
public sealed record AssignmentRefused(DispatchOrder Order, Commitment Commitment, IReadOnlyList<DispatchProblem> Problems)
    : AssignmentOutcome(Order, Commitment);

/// <summary>A bad input, named by the request field it came from.</summary>
public sealed record DispatchProblem(string Field, string Message);

/// <summary>Slots to offer a remote customer, or why there are none.</summary>
public sealed record AppointmentProposal(IReadOnlyList<AppointmentSlot> Slots, string? NoneReason);

/// <summary>A booked visit not yet done, with the order and commitment it serves.</summary>
public sealed record OpenVisit(DispatchOrder Order, Commitment Commitment, Booking Booking);
