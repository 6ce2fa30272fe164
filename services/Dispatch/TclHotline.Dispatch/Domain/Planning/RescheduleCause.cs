namespace TclHotline.Dispatch.Domain.Planning;

public enum RescheduleCause
{
    /// <summary>The customer moved the visit: the commitment moves with it, customer-caused.</summary>
    Customer,

    /// <summary>The outlet moved the visit: the original commitment stands.</summary>
    Outlet,
}
