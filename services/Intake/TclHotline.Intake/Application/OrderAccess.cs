using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;

namespace TclHotline.Intake.Application;

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

    /// <summary>
    /// Readers of one order: the desk and the branch as above; an engineer (with no other role) only the order
    /// they are assigned to, within their branch.
    /// </summary>
    public static void EnsureMayRead(this Caller caller, string branchCode, string? engineerId)
    {
        var engineerOnly = caller.IsIn(HotlineRoles.Engineer) && !caller.Roles.Any(r => r != HotlineRoles.Engineer);
        if (engineerOnly && (caller.EngineerId is null || caller.EngineerId != engineerId))
            throw new AccessDeniedException("engineers read only the orders they are assigned to");
        caller.EnsureMayHandle(branchCode);
    }
}
