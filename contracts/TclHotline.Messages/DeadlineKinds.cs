namespace TclHotline.Messages;

public static class DeadlineKinds
{
    /// <summary>An engineer on site: the 24-hour urban commitment or the booked appointment.</summary>
    public const string OnSite = "on-site";
    public const string Acknowledge = "acknowledge";
    public const string Resolve = "resolve";
    public const string Callback = "callback";
}
