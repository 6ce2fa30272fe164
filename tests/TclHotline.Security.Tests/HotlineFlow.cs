using Grpc.Core;
using Microsoft.Extensions.Logging;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Grpc.Dispatch.V1;
using TclHotline.Grpc.Intake.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Xunit;
using ComplaintCategory = TclHotline.Grpc.Intake.V1.ComplaintCategory;
using OrderType = TclHotline.Grpc.Intake.V1.OrderType;

namespace TclHotline.Security.Tests;

/// <summary>
/// One host with every module and every log record captured, through which agents register Changsha calls
/// (two repairs and a complaint) that dispatch, the SLA timer and the complaint desk react to.
/// </summary>
public sealed class HotlineFlow : IAsyncLifetime
{
    public const string FirstName = "欧阳娜娜";
    public const string SecondName = "司马相如";
    public const string ComplaintName = "诸葛明月";

    public CapturedLogs Logs { get; } = new();
    public TestHost Host { get; private set; } = null!;
    public List<string> Phones { get; } = ["13912345678", "18687654321", "15011112222"];
    public ServiceOrder Repair { get; private set; } = null!;
    public ServiceOrder ToCancel { get; private set; } = null!;
    public string ComplaintId { get; private set; } = "";

    /// <summary>The branch intake gave the Changsha orders (compared with Wuhan's "WH").</summary>
    public string Branch => Repair.BranchCode;

    public async Task InitializeAsync()
    {
        // The complaint desk files nothing for a branch without a director (no default owner).
        Host = await TestHost.StartAsync(RefusalTests.AllModules(),
            settings:
            [
                new("Branches:ByCode:CS:ServiceDirector", "director-changsha"),
            ],
            configure: b => b.Logging.AddProvider(Logs));
        var intake = Intake(HotlineRoles.Agent);
        Repair = (await intake.RegisterCallAsync(Call(Phones[0], FirstName))).Order;
        ToCancel = (await intake.RegisterCallAsync(Call(Phones[1], SecondName))).Order;
        var complaint = Call(Phones[2], ComplaintName);
        complaint.OrderType = OrderType.Complaint;
        complaint.StreetAddress = "";
        complaint.ProductModel = "";
        complaint.SerialNumber = "";
        complaint.FaultCategory = FaultCategory.Unspecified;
        complaint.FaultDescription = "";
        complaint.ComplaintCategory = ComplaintCategory.LateOrMissedVisit;
        complaint.ComplaintDescription = "Nobody came.";
        complaint.RelatedOrderNumber = Repair.OrderNumber;
        ComplaintId = (await intake.RegisterCallAsync(complaint)).CallRecordId;

        // Wait for the other services to react, so their logs and data exist.
        var dispatch = Dispatch(HotlineRoles.Dispatcher);
        await Eventually.Until(async () =>
        {
            try { return (await dispatch.GetOrderDispatchAsync(new GetOrderDispatchRequest { OrderId = Repair.OrderId })).OrderId == Repair.OrderId; }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound) { return false; }
        }, what: "the repair known to dispatch");
        var desk = Complaints(HotlineRoles.ComplaintHandler, Branch);
        try
        {
            await Eventually.Until(async () => (await desk.ListComplaintsAsync(new ListComplaintsRequest())).Complaints.Any(c => c.ComplaintId == ComplaintId),
                TimeSpan.FromSeconds(15), what: "the complaint at the Changsha desk");
        }
        catch (TimeoutException e)
        {
            // Say why: the host's warnings and errors (a consumer failing, say).
            throw new TimeoutException(e.Message + "\n" + string.Join("\n", Logs.Records.Where(r => r.StartsWith("[Warning]") || r.StartsWith("[Error]")).Take(10)), e);
        }
    }

    public static RegisterCallRequest Call(string phone, string name)
    {
        var bought = DateTime.UtcNow.AddDays(-40).ToString("yyyy-MM-dd");
        return new RegisterCallRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString(),
            CallId = "pbx-" + Guid.NewGuid().ToString("N")[..8],
            AgentId = "A0042",
            CallerNumber = phone,
            CustomerName = name,
            ProvinceCode = "43",
            CityCode = "4301",
            DistrictCode = "430102",
            StreetAddress = "五一大道 100 号",
            OrderType = OrderType.Repair,
            ProductModel = "55P71C",
            SerialNumber = "55P71C2403S" + Random.Shared.Next(10000, 99999),
            PurchaseDate = bought,
            InvoiceNumber = "044001900111-1",
            InvoiceDate = bought,
            HasWarrantyCard = true,
            FaultCategory = FaultCategory.Picture,
            FaultDescription = "Sound but no picture.",
        };
    }

    public IntakeService.IntakeServiceClient Intake(string role, string branch = HotlineClaims.AllBranches) => new(Host.ChannelAs(role, branch));
    public DispatchService.DispatchServiceClient Dispatch(string role, string branch = HotlineClaims.AllBranches) => new(Host.ChannelAs(role, branch));
    public RosterService.RosterServiceClient Roster(string role, string branch = HotlineClaims.AllBranches) => new(Host.ChannelAs(role, branch));
    public Grpc.Sla.V1.SlaTimer.SlaTimerClient Sla(string role, string branch = HotlineClaims.AllBranches) => new(Host.ChannelAs(role, branch));
    public ComplaintDesk.ComplaintDeskClient Complaints(string role, string branch = HotlineClaims.AllBranches) => new(Host.ChannelAs(role, branch));
    public Grpc.Audit.V1.AuditTrail.AuditTrailClient Audit() => new(Host.ChannelAs(HotlineRoles.Administrator));

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class HotlineFlowCollection : ICollectionFixture<HotlineFlow>
{
    public const string Name = "hotline flow";
}

/// <summary>Asserts a call is refused with PermissionDenied and its message names none of the data.</summary>
public static class Refused
{
    public static async Task<RpcException> PermissionDenied(Func<Task> call)
    {
        var refusal = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        return refusal;
    }

    /// <summary>INVALID_ARGUMENT naming the field.</summary>
    public static async Task<RpcException> Naming(string field, Func<Task> call)
    {
        var refusal = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Contains(field, refusal.Status.Detail);
        return refusal;
    }
}
