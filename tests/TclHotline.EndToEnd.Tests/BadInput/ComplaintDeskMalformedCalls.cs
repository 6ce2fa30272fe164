using Grpc.Core;
using Grpc.Net.Client;
using TclHotline.EndToEnd.Tests.Apis;
using TclHotline.EndToEnd.Tests.Harness;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.EndToEnd.Tests.BadInput;

/// <summary>The malformed-request table for the complaint desk: missing fields, wrong types, unknown codes,
/// huge strings, invalid transitions, wrong or missing tokens.</summary>
public static class ComplaintDeskMalformedCalls
{
    public const string Branch = "BI";

    public static IEnumerable<MalformedCall> For(SystemUnderTest system, Complaint filed)
    {
        var agent = new ComplaintDesk.ComplaintDeskClient(system.ChannelAs(system.Complaints, HotlineRoles.Agent));
        var handler = new ComplaintDesk.ComplaintDeskClient(system.ChannelAs(system.Complaints, HotlineRoles.ComplaintHandler));
        var engineer = new ComplaintDesk.ComplaintDeskClient(system.ChannelAs(system.Complaints, HotlineRoles.Engineer, engineerId: "eng-1"));
        var otherBranch = new ComplaintDesk.ComplaintDeskClient(system.ChannelAs(system.Complaints, HotlineRoles.Agent, "WH"));
        var anonymous = new ComplaintDesk.ComplaintDeskClient(system.Channel(system.Complaints, null));
        var forged = new ComplaintDesk.ComplaintDeskClient(system.Channel(system.Complaints,
            DevelopmentTokens.Mint("a-different-signing-key-0123456789-abcdefghij", "intruder", [HotlineRoles.Administrator], "*")));
        var expired = new ComplaintDesk.ComplaintDeskClient(system.Channel(system.Complaints,
            DevelopmentTokens.Mint(TestTokens.SigningKey, "late", [HotlineRoles.Agent], "*", lifetime: TimeSpan.FromHours(1), now: DateTimeOffset.UtcNow.AddDays(-2))));
        var unknown = Guid.NewGuid().ToString();
        var id = filed.ComplaintId;

        FileComplaintRequest File(Action<FileComplaintRequest> spoil)
        {
            var request = ComplaintDeskCalls.NewComplaint(Branch, "bad-" + Guid.NewGuid().ToString("N")[..10]);
            spoil(request);
            return request;
        }

        MalformedCall Filing(string name, Action<FileComplaintRequest> spoil, StatusCode expected, params string[] fields) =>
            new("FileComplaint " + name, async () => await agent.FileComplaintAsync(File(spoil)), expected, fields);

        yield return Filing("without customer_name", r => r.CustomerName = "", StatusCode.InvalidArgument, "customer_name");
        yield return Filing("with a blank customer_name", r => r.CustomerName = "   ", StatusCode.InvalidArgument, "customer_name");
        yield return Filing("without customer_phone", r => r.CustomerPhone = "", StatusCode.InvalidArgument, "customer_phone");
        yield return Filing("with letters in customer_phone", r => r.CustomerPhone = "138abc38000", StatusCode.InvalidArgument, "customer_phone");
        yield return Filing("with SQL in customer_phone", r => r.CustomerPhone = "1'; DROP TABLE complaints;--", StatusCode.InvalidArgument, "customer_phone");
        yield return Filing("without branch_code", r => r.BranchCode = "", StatusCode.InvalidArgument, "branch_code");
        yield return Filing("with a malformed order_id", r => r.OrderId = "not-a-guid", StatusCode.InvalidArgument, "order_id");
        yield return Filing("with an unknown order_id", r => r.OrderId = unknown, StatusCode.InvalidArgument, "order_id");
        yield return Filing("naming no order or unit", r => r.SerialNumber = "", StatusCode.InvalidArgument, "order_id");
        yield return Filing("without category", r => r.Category = ComplaintCategory.Unspecified, StatusCode.InvalidArgument, "category");
        yield return Filing("with an unknown category code", r => r.Category = (ComplaintCategory)99, StatusCode.InvalidArgument, "category");
        yield return Filing("with a negative category code", r => r.Category = (ComplaintCategory)(-3), StatusCode.InvalidArgument, "category");
        yield return Filing("without description", r => r.Description = "", StatusCode.InvalidArgument, "description");
        yield return Filing("without idempotency_key", r => r.IdempotencyKey = "", StatusCode.InvalidArgument, "idempotency_key");
        yield return Filing("with nothing at all", r => { r.CustomerName = ""; r.CustomerPhone = ""; r.BranchCode = ""; r.SerialNumber = ""; r.Category = 0; r.Description = ""; r.IdempotencyKey = ""; r.AgentId = ""; },
            StatusCode.InvalidArgument, "customer_name", "customer_phone", "branch_code", "order_id", "category", "description", "idempotency_key");
        yield return Filing("larger than the 1 MB message limit", r => r.Description = new string('x', 2 * 1024 * 1024), StatusCode.ResourceExhausted);
        yield return Filing("with a 2-character phone and no name", r => { r.CustomerPhone = "1-"; r.CustomerName = ""; }, StatusCode.InvalidArgument, "customer_name");
        yield return new("FileComplaint as an engineer", async () => await engineer.FileComplaintAsync(File(_ => { })), StatusCode.PermissionDenied);
        yield return new("FileComplaint in another branch than the token's", async () => await otherBranch.FileComplaintAsync(File(_ => { })), StatusCode.PermissionDenied);
        yield return new("FileComplaint without a token", async () => await anonymous.FileComplaintAsync(File(_ => { })), StatusCode.Unauthenticated);
        yield return new("FileComplaint with a token signed by another key", async () => await forged.FileComplaintAsync(File(_ => { })), StatusCode.Unauthenticated);
        yield return new("FileComplaint with an expired token", async () => await expired.FileComplaintAsync(File(_ => { })), StatusCode.Unauthenticated);
        yield return new("FileComplaint with a string field sent as a number (wire type)",
            () => RawAsync(system, "FileComplaint", [0x08, 0x05, 0x10, 0x07]), StatusCode.InvalidArgument, "customer_name", "customer_phone");

        yield return new("Acknowledge without complaint_id", async () => await handler.AcknowledgeAsync(new() { AgentId = "h" }), StatusCode.InvalidArgument, "complaint_id");
        yield return new("Acknowledge with a malformed complaint_id", async () => await handler.AcknowledgeAsync(new() { ComplaintId = "xyz", AgentId = "h" }), StatusCode.InvalidArgument, "complaint_id");
        yield return new("Acknowledge an unknown complaint", async () => await handler.AcknowledgeAsync(new() { ComplaintId = unknown, AgentId = "h" }), StatusCode.NotFound);
        yield return new("Acknowledge as an agent", async () => await agent.AcknowledgeAsync(new() { ComplaintId = id, AgentId = "a" }), StatusCode.PermissionDenied);
        yield return new("Acknowledge without a token", async () => await anonymous.AcknowledgeAsync(new() { ComplaintId = id, AgentId = "a" }), StatusCode.Unauthenticated);
        yield return new("StartInvestigation without complaint_id", async () => await handler.StartInvestigationAsync(new() { AgentId = "h" }), StatusCode.InvalidArgument, "complaint_id");
        yield return new("StartInvestigation of an unknown complaint", async () => await handler.StartInvestigationAsync(new() { ComplaintId = unknown, AgentId = "h" }), StatusCode.NotFound);
        yield return new("Resolve without resolution", async () => await handler.ResolveAsync(new() { ComplaintId = id, AgentId = "h" }), StatusCode.InvalidArgument, "resolution");
        yield return new("Resolve with negative compensation", async () => await handler.ResolveAsync(new() { ComplaintId = id, Resolution = "r", CompensationFen = -100, AgentId = "h" }), StatusCode.InvalidArgument, "compensation_fen");
        yield return new("Resolve an unknown complaint", async () => await handler.ResolveAsync(new() { ComplaintId = unknown, Resolution = "r", AgentId = "h" }), StatusCode.NotFound);
        yield return new("Close with satisfaction 0", async () => await handler.CloseAsync(new() { ComplaintId = id, SatisfactionScore = 0, AgentId = "h" }), StatusCode.InvalidArgument, "satisfaction_score");
        yield return new("Close with satisfaction 6", async () => await handler.CloseAsync(new() { ComplaintId = id, SatisfactionScore = 6, AgentId = "h" }), StatusCode.InvalidArgument, "satisfaction_score");
        yield return new("Close a complaint never resolved (invalid transition)", async () => await handler.CloseAsync(new() { ComplaintId = id, SatisfactionScore = 4, AgentId = "h" }), StatusCode.FailedPrecondition);
        yield return new("Reopen a complaint never resolved (invalid transition)", async () => await handler.ReopenAsync(new() { ComplaintId = id, Reason = "again", AgentId = "h" }), StatusCode.FailedPrecondition);
        yield return new("Reopen without reason", async () => await handler.ReopenAsync(new() { ComplaintId = id, AgentId = "h" }), StatusCode.InvalidArgument, "reason");
        yield return new("Escalate without reason", async () => await handler.EscalateAsync(new() { ComplaintId = id, AgentId = "h" }), StatusCode.InvalidArgument, "reason");
        yield return new("Escalate an unknown complaint", async () => await handler.EscalateAsync(new() { ComplaintId = unknown, Reason = "r", AgentId = "h" }), StatusCode.NotFound);
        yield return new("GetComplaint without complaint_id", async () => await handler.GetComplaintAsync(new()), StatusCode.InvalidArgument, "complaint_id");
        yield return new("GetComplaint with a malformed complaint_id", async () => await handler.GetComplaintAsync(new() { ComplaintId = "12345" }), StatusCode.InvalidArgument, "complaint_id");
        yield return new("GetComplaint of an unknown complaint", async () => await handler.GetComplaintAsync(new() { ComplaintId = unknown }), StatusCode.NotFound);
        yield return new("GetComplaint as an agent", async () => await agent.GetComplaintAsync(new() { ComplaintId = id }), StatusCode.PermissionDenied);
        yield return new("ListComplaints with a negative page_size", async () => await handler.ListComplaintsAsync(new() { PageSize = -1 }), StatusCode.InvalidArgument, "page_size");
        yield return new("ListComplaints with a forged page_token", async () => await handler.ListComplaintsAsync(new() { PageToken = "not-a-token" }), StatusCode.InvalidArgument, "page_token");
        yield return new("ListComplaints without a token", async () => await anonymous.ListComplaintsAsync(new()), StatusCode.Unauthenticated);
        yield return new("ListComplaints with a forged token", async () => await forged.ListComplaintsAsync(new()), StatusCode.Unauthenticated);
        yield return new("GetEngineerRecord without engineer_id", async () => await handler.GetEngineerRecordAsync(new()), StatusCode.InvalidArgument, "engineer_id");
        yield return new("GetEngineerRecord without a token", async () => await anonymous.GetEngineerRecordAsync(new() { EngineerId = "e" }), StatusCode.Unauthenticated);
    }

    /// <summary>Sends raw bytes as the request message: what a client with a stale or wrong contract sends.</summary>
    private static async Task RawAsync(SystemUnderTest system, string method, byte[] body)
    {
        var marshaller = Marshallers.Create<byte[]>(b => b, b => b);
        var call = new Method<byte[], byte[]>(MethodType.Unary, ComplaintDesk.Descriptor.FullName, method, marshaller, marshaller);
        GrpcChannel channel = system.ChannelAs(system.Complaints, HotlineRoles.Agent);
        await channel.CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(), body);
    }
}
