namespace TclHotline.Dispatch.Domain.Board;

/// <summary>How an open or closed commitment stands, as the dispatch board colours it.</summary>
public enum CommitmentState
{
    OnTrack,
    Warned,
    AtRisk,
    Breached,
    Met,
}

/// <summary>What is known of an order's visit when the board looks at it.</summary>
/// <param name="PlannedArrival">The booked arrival; null when nobody is booked.</param>
/// <param name="Escalated">Dispatch has told the service director nobody can make it.</param>
public readonly record struct VisitProgress(DateTimeOffset? PlannedArrival, DateTimeOffset? ArrivedAt, bool Escalated);
