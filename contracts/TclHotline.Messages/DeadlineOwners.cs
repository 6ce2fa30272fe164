namespace TclHotline.Messages;

/// <summary>The deadline owners the services use with the SLA timer.</summary>
public static class DeadlineOwners
{
    public const string Dispatch = "dispatch";
    public const string Complaints = "complaints";
    public const string Telephony = "telephony";

    /// <summary>An escalation's notice in its owner's inbox: not acknowledged in time, it climbs a level.</summary>
    public const string Notifications = "notifications";
}
