using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;

namespace TclHotline.Returns.Application;

/// <summary>Who may see a dealer's units: a dealer only its own (its token names it); branch staff their branch; headquarters all.</summary>
internal static class DealerScope
{
    public static bool IsDealer(this Caller caller) => caller.IsIn(HotlineRoles.Dealer);

    /// <summary>Refuses a dealer naming another dealer (PermissionDenied naming the field), and anyone outside the branch.</summary>
    public static void EnsureDealer(this Caller caller, string dealerCode, string branchCode, string field = "dealer_code")
    {
        if (caller.IsDealer() && !string.Equals(caller.DealerId, dealerCode, StringComparison.Ordinal))
            throw new AccessDeniedException($"{field} names another dealer: a dealer sees only its own units");
        caller.EnsureBranch(branchCode);
    }
}
