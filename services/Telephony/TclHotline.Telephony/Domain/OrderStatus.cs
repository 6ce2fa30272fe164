namespace TclHotline.Telephony.Domain;

/// <summary>An order's status as telephony follows it from intake's and dispatch's events.</summary>
public static class OrderStatus
{
    public const string Open = "Open";
    public const string EngineerAssigned = "EngineerAssigned";
    public const string EngineerOnSite = "EngineerOnSite";
    /// <summary>Visited but not repaired (e.g. waiting for parts): still open.</summary>
    public const string AwaitingRevisit = "AwaitingRevisit";
    public const string Closed = "Closed";
    public const string Cancelled = "Cancelled";

    public static bool IsOpen(string status) => status is not (Closed or Cancelled);

    public static string AfterVisit(bool repaired, bool customerDeclined) =>
        repaired || customerDeclined ? Closed : AwaitingRevisit;
}
