namespace TclHotline.Sla.Domain;

public enum DeadlineState
{
    /// <summary>Events for it arrived (moved, paused, …) but its DeadlineSet has not: nothing fires yet.</summary>
    AwaitingSet,

    /// <summary>Set and running (or paused); its breach has not fired.</summary>
    Pending,

    /// <summary>The breach fired and the deadline is still open.</summary>
    Breached,

    /// <summary>Met by the owner; final. Lateness says how late, if at all.</summary>
    Met,

    /// <summary>Withdrawn by the owner; final.</summary>
    Cancelled,
}
