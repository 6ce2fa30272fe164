namespace TclHotline.Messages;

/// <summary>The deadline owners the services use with the SLA timer.</summary>
public static class DeadlineOwners
{
    public const string Dispatch = "dispatch";
    public const string Complaints = "complaints";
    public const string Telephony = "telephony";
}
