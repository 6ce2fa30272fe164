namespace TclHotline.ServiceDefaults.Security;

/// <summary>The roles a token can carry (claim "role"). Combine with commas in [Authorize(Roles = ...)].</summary>
public static class HotlineRoles
{
    public const string Agent = "agent";
    public const string Dispatcher = "dispatcher";
    public const string Engineer = "engineer";
    public const string ServiceDirector = "service-director";
    public const string ComplaintHandler = "complaint-handler";
    public const string TelephonyConnector = "telephony-connector";
    public const string Administrator = "administrator";

    /// <summary>The branch's sales staff (业务): they clear or take back a dealer's slow-moving stock.</summary>
    public const string Sales = "sales";

    /// <summary>A dealer: its token names the dealer (claim dealer_id), and it sees only its own units.</summary>
    public const string Dealer = "dealer";

    public static readonly IReadOnlyList<string> All =
        [Agent, Dispatcher, Engineer, ServiceDirector, ComplaintHandler, TelephonyConnector, Administrator, Sales, Dealer];
}
