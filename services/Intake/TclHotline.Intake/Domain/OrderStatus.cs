namespace TclHotline.Intake.Domain;

/// <summary>Where a service order stands. Numbers match the gRPC enum; stored by name.</summary>
public enum OrderStatus
{
    Unspecified = 0,
    Open = 1,
    Assigned = 2,
    AppointmentBooked = 3,
    EngineerArrived = 4,
    CustomerAbsent = 5,
    Completed = 6,
    Cancelled = 7,
    Answered = 8,

    /// <summary>Rule 17: the visit found the panel gone for good; the order stays open until the exchange is settled.</summary>
    AwaitingExchange = 9,
}

public static class OrderStatusFacts
{
    /// <summary>Statuses after which nothing more happens to an order: a later call opens a new one.</summary>
    public static readonly IReadOnlyList<string> Closed =
        [nameof(OrderStatus.Completed), nameof(OrderStatus.Cancelled), nameof(OrderStatus.Answered)];

    public static bool IsClosed(this OrderStatus status) => Closed.Contains(status.ToString());
}
