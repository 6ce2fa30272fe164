using Grpc.Core;
using TclHotline.Grpc.Audit.V1;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Grpc.Dispatch.V1;
using TclHotline.Grpc.Intake.V1;
using TclHotline.ServiceDefaults.Security;
using Xunit;

namespace TclHotline.Security.Tests;

/// <summary>
/// Audit trail: a cancellation, a manual assignment and a complaint transition, each done through
/// its API, show in the administrator's ListAuditEntries with the user and before/after.
/// </summary>
[Collection(HotlineFlowCollection.Name)]
public sealed class AuditTrailTests(HotlineFlow flow)
{
    /// <summary>
    /// Actions whose RPC does not call UnitOfWork.AuditAsync yet (reported to the lead). When one starts
    /// auditing, this test fails until it is moved out of here, so the list stays true.
    /// </summary>
    private static readonly HashSet<string> NotYetAudited = [];

    [Fact]
    public async Task Cancellation_assignment_and_complaint_transition_show_in_the_audit_trail_with_user_and_before_after()
    {
        var performed = new Dictionary<string, string>();

        await flow.Intake(HotlineRoles.Agent).CancelServiceOrderAsync(new CancelServiceOrderRequest
        { OrderNumber = flow.ToCancel.OrderNumber, Reason = "customer fixed it", CancelledBy = "A0042" });
        performed["cancellation"] = flow.ToCancel.OrderId;

        var engineers = await flow.Roster(HotlineRoles.Dispatcher).ListEngineersAsync(new ListEngineersRequest { BranchCode = flow.Branch });
        // Another engineer than the planner's: re-assigning the same one at a shift start (07:55, say) changes
        // nothing, and an audit entry without a change proves nothing.
        var planned = await flow.Dispatch(HotlineRoles.Dispatcher).GetOrderDispatchAsync(new GetOrderDispatchRequest { OrderId = flow.Repair.OrderId });
        var refusals = new List<string>();
        foreach (var engineer in engineers.Engineers.Where(e => e.EngineerId != planned.CurrentVisit?.EngineerId))
        {
            try
            {
                await flow.Dispatch(HotlineRoles.Dispatcher).AssignEngineerAsync(new AssignEngineerRequest
                { OrderId = flow.Repair.OrderId, EngineerId = engineer.EngineerId, Dispatcher = "D007", Reason = "knows the customer", IdempotencyKey = Guid.NewGuid().ToString() });
                performed["manual assignment"] = flow.Repair.OrderId;
                break;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition) { refusals.Add($"{engineer.EngineerId}: {e.Status.Detail}"); }
        }
        Assert.True(performed.ContainsKey("manual assignment"), "no engineer could be assigned:\n" + string.Join("\n", refusals));

        await flow.Complaints(HotlineRoles.ComplaintHandler, flow.Branch).AcknowledgeAsync(new AcknowledgeRequest { ComplaintId = flow.ComplaintId, AgentId = "C001" });
        performed["complaint transition"] = flow.ComplaintId;

        var audit = flow.Audit();
        var problems = new List<string>();
        foreach (var (action, subject) in performed)
        {
            var entries = (await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { SubjectId = subject, PageSize = 500 })).Entries;
            if (NotYetAudited.Contains(action))
            {
                if (entries.Count > 0) problems.Add($"{action} is audited now ({entries[0].Action}): take it off NotYetAudited");
                continue;
            }
            if (entries.Count == 0) { problems.Add($"{action} of {subject}: no audit entry"); continue; }
            var entry = entries[0];
            if (entry.Actor != "test-user") problems.Add($"{action}: actor '{entry.Actor}', expected the token subject");
            if (entry.BeforeJson.Length == 0 || entry.AfterJson.Length == 0 || entry.BeforeJson == entry.AfterJson)
                problems.Add($"{action}: before/after missing or equal");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
