namespace TclHotline.Dispatch.Data;

internal sealed class OrderRow
{
    public Guid OrderId { get; init; }
    public string OrderNumber { get; init; } = "";
    public string BranchCode { get; init; } = "";
    public string DistrictCode { get; init; } = "";
    public string DistrictName { get; init; } = "";
    public string OrderType { get; init; } = "";
    public string FaultCategory { get; init; } = "";
    public bool IsUrban { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? RequestedVisitAt { get; init; }
    public string Status { get; init; } = "";
    public bool Warned { get; init; }
    public bool Escalated { get; init; }
    public DateTimeOffset? BookingDueAt { get; init; }
    public string? BookingState { get; init; }

    // The commitment (LEFT JOIN): absent while a remote order awaits its appointment.
    public DateTimeOffset? StartsAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public string? Basis { get; init; }
    public string? ReasonRule { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? OriginalDueAt { get; init; }
    public string? CommitmentState { get; init; }
}

public sealed class VisitRow
{
    public Guid VisitId { get; init; }
    public Guid OrderId { get; init; }
    public string EngineerId { get; init; } = "";
    public string EngineerName { get; init; } = "";
    public string OutletId { get; init; } = "";
    public DateTimeOffset PlannedArrival { get; init; }
    public long DurationMinutes { get; init; }
    public long TravelMinutes { get; init; }
    public decimal DistanceKm { get; init; }
    public string Status { get; init; } = "";
    public string AssignedBy { get; init; } = "";
    public DateTimeOffset AssignedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset? EnRouteAt { get; init; }
    public DateTimeOffset? ExpectedArrival { get; init; }
    public DateTimeOffset? ArrivedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? CustomerAbsentAt { get; init; }
    public bool ArrivedEarly { get; init; }

    /// <summary>Still holds the engineer's time (and is the order's current visit).</summary>
    public bool IsBooked => Status is VisitStatuses.Assigned or VisitStatuses.Accepted or VisitStatuses.EnRoute;

    public Domain.Planning.Booking ToBooking() => BookingRow.Booking(VisitId, OrderId, EngineerId, PlannedArrival, DurationMinutes, TravelMinutes);
}

/// <summary>A visit as the planner sees it: who, when, for how long, with which trip.</summary>
internal sealed class BookingRow
{
    public Guid VisitId { get; init; }
    public Guid OrderId { get; init; }
    public string EngineerId { get; init; } = "";
    public DateTimeOffset PlannedArrival { get; init; }
    public long DurationMinutes { get; init; }
    public long TravelMinutes { get; init; }

    public Domain.Planning.Booking ToBooking() => Booking(VisitId, OrderId, EngineerId, PlannedArrival, DurationMinutes, TravelMinutes);

    internal static Domain.Planning.Booking Booking(
        Guid visitId, Guid orderId, string engineerId, DateTimeOffset arrival, long durationMinutes, long travelMinutes) =>
        new(visitId, orderId, engineerId, arrival, TimeSpan.FromMinutes(durationMinutes), TimeSpan.FromMinutes(travelMinutes));
}

public sealed class EscalationRow
{
    public Guid EscalationId { get; init; }
    public Guid OrderId { get; init; }
    public string ServiceDirector { get; init; } = "";
    public string Reason { get; init; } = "";
    public DateTimeOffset EscalatedAt { get; init; }
}

public sealed class CommitmentOutcomeRow
{
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset? ArrivedAt { get; init; }
}

/// <summary>The stored visit statuses (also named in DispatchSql).</summary>
public static class VisitStatuses
{
    public const string Assigned = "Assigned";
    public const string Accepted = "Accepted";
    public const string EnRoute = "EnRoute";
    public const string Arrived = "Arrived";
    public const string Completed = "Completed";
    public const string CustomerAbsent = "CustomerAbsent";
    public const string Reassigned = "Reassigned";
    public const string Cancelled = "Cancelled";
}

public sealed class FeeQuoteRow
{
    public long Revision { get; init; }
    public bool Chargeable { get; init; }
    public decimal Total { get; init; }
    public bool Provisional { get; init; }

    public Domain.Completion.FeeQuote ToQuote() => new((int)Revision, Chargeable, Total, Provisional);
}
