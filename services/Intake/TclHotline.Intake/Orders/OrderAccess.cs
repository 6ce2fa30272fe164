using TclHotline.ServiceDefaults.Security;

namespace TclHotline.Intake.Orders;

public static class OrderAccess
{
    /// <summary>
    /// The national hotline's agents serve every branch's customers; everyone else below headquarters
    /// works on their own branch's orders only.
    /// </summary>
    public static void EnsureMayHandle(this Caller caller, string branchCode)
    {
        if (!caller.IsIn(HotlineRoles.Agent))
            caller.EnsureBranch(branchCode);
    }
}
