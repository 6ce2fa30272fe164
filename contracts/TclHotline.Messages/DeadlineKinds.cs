namespace TclHotline.Messages;

public static class DeadlineKinds
{
    /// <summary>An engineer on site: the 24-hour urban commitment or the booked appointment.</summary>
    public const string OnSite = "on-site";

    /// <summary>A remote order's appointment booked with the customer (rule 2): runs from registration until booking.</summary>
    public const string Booking = "booking";
    public const string Acknowledge = "acknowledge";
    public const string Resolve = "resolve";
    public const string Callback = "callback";
}
