using Grpc.Core;
using TclHotline.EndToEnd.Tests.Harness;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.ServiceDefaults.Security;

namespace TclHotline.EndToEnd.Tests.Apis;

/// <summary>The complaint desk as agents and complaint handlers use it, counting every call sent.</summary>
public sealed class ComplaintDeskCalls(SystemUnderTest system)
{
    public ComplaintDesk.ComplaintDeskClient Agent => new(system.ChannelAs(system.Complaints, HotlineRoles.Agent));
    public ComplaintDesk.ComplaintDeskClient Handler => new(system.ChannelAs(system.Complaints, HotlineRoles.ComplaintHandler));

    public static FileComplaintRequest NewComplaint(string branch, string key) => new()
    {
        CustomerName = "Zhang Wei",
        CustomerPhone = "13800138000",
        BranchCode = branch,
        SerialNumber = key,
        Category = ComplaintCategory.EngineerConduct,
        Description = "The engineer was rude on the phone.",
        IdempotencyKey = key,
        AgentId = "agent-e2e",
    };

    public async Task<Complaint> FileAsync(FileComplaintRequest request)
    {
        system.Figures.Call();
        return await Agent.FileComplaintAsync(request);
    }

    /// <summary>Files with the same idempotency key until the desk answers.</summary>
    public Task<Complaint> FileUntilAnsweredAsync(FileComplaintRequest request, TimeSpan? within = null, ServiceProcess? instance = null)
    {
        var desk = new ComplaintDesk.ComplaintDeskClient(system.ChannelAs(instance ?? system.Complaints, HotlineRoles.Agent));
        return UntilAnsweredAsync(system, deadline => desk.FileComplaintAsync(request, deadline: deadline).ResponseAsync, within);
    }

    /// <summary>
    /// Sends a call (with the same idempotency key) until it is answered, as a client does through an outage: a
    /// request cut by a kill, a lock or a restart is sent again, never dropped. Each try gets a client-side
    /// deadline, so a request stuck behind a lock is abandoned and sent again.
    /// </summary>
    internal static async Task<T> UntilAnsweredAsync<T>(SystemUnderTest system, Func<DateTime, Task<T>> call, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(180));
        while (true)
        {
            try
            {
                system.Figures.Call();
                return await call(DateTime.UtcNow.AddSeconds(20));
            }
            catch (RpcException e) when (Retryable(e.StatusCode) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    public async Task<IReadOnlyList<Complaint>> ListAsync(string branch)
    {
        var all = new List<Complaint>();
        var token = "";
        do
        {
            system.Figures.Call();
            var page = await Handler.ListComplaintsAsync(new ListComplaintsRequest { BranchCode = branch, PageSize = 100, PageToken = token });
            all.AddRange(page.Complaints);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    internal static bool Retryable(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.Internal or StatusCode.DeadlineExceeded or StatusCode.Unknown or StatusCode.Aborted;
}
