using System.Globalization;
using Grpc.Core;
using TclHotline.EndToEnd.Tests.Harness;
using TclHotline.Grpc.Dispatch.V1;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Grpc.Sla.V1;
using TclHotline.Messages;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using IntakeOrderType = TclHotline.Grpc.Intake.V1.OrderType;

namespace TclHotline.EndToEnd.Tests.Apis;

/// <summary>Intake, dispatch and the SLA timer as agents, dispatchers and engineers use them, counting every call.</summary>
public sealed class HotlineCalls(SystemUnderTest system)
{
    private static int _next;

    public IntakeService.IntakeServiceClient Intake => new(system.ChannelAs(system.Intake, HotlineRoles.Agent));
    public IntakeService.IntakeServiceClient IntakeAdmin => new(system.ChannelAs(system.Intake, HotlineRoles.Administrator));
    public DispatchService.DispatchServiceClient Dispatcher => new(system.ChannelAs(system.Dispatch, HotlineRoles.Dispatcher));
    public DispatchService.DispatchServiceClient EngineerApp(string engineerId) =>
        new(system.ChannelAs(system.Dispatch, HotlineRoles.Engineer, engineerId: engineerId));
    public SlaTimer.SlaTimerClient Sla => new(system.ChannelAs(system.Sla, HotlineRoles.Administrator));

    public static string Unique() => Interlocked.Increment(ref _next).ToString("D5", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();

    /// <summary>A unique mainland mobile number.</summary>
    public static string Phone() => "139" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A repair of a unit bought 60 days ago with an invoice (in warranty), at a district of the region
    /// catalogue; the serial's characters 7–10 give a production month two months before the purchase.
    /// </summary>
    public static RegisterCallRequest Repair(string province, string city, string district, string? phone = null, string? serial = null)
    {
        var purchase = TestClock.Now.UtcDateTime.AddDays(-60);
        var produced = purchase.AddMonths(-2);
        return new RegisterCallRequest
        {
            IdempotencyKey = "e2e-" + Unique(),
            CallId = "pbx-" + Unique(),
            AgentId = "A0042",
            CallerNumber = phone ?? Phone(),
            CustomerName = "张三",
            ProvinceCode = province,
            CityCode = city,
            DistrictCode = district,
            StreetAddress = "五一大道 100 号",
            OrderType = IntakeOrderType.Repair,
            ProductModel = "55P71C",
            SerialNumber = serial ?? $"55P71C{produced:yyMM}{Unique()}",
            PurchaseDate = purchase.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            InvoiceNumber = "044001900111-1",
            InvoiceDate = purchase.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            HasWarrantyCard = true,
            FaultCategory = FaultCategory.Picture,
            FaultDescription = "Sound but no picture.",
        };
    }

    /// <summary>Changsha 芙蓉区: urban, served by several outlets.</summary>
    public static RegisterCallRequest UrbanRepair(string? phone = null, string? serial = null) => Repair("43", "4301", "430102", phone, serial);

    /// <summary>Wuhan 武昌区: urban; the fault bursts register here, so their load never takes Changsha's engineers from the scenarios.</summary>
    public static RegisterCallRequest BurstRepair() => Repair("42", "4201", "420106");

    /// <summary>Wuhan 青山区: urban, but no outlet of the network covers it.</summary>
    public static RegisterCallRequest UnreachableUrbanRepair() => Repair("42", "4201", "420107");

    /// <summary>Changsha 浏阳市: remote, served by appointment.</summary>
    public static RegisterCallRequest RemoteRepair() => Repair("43", "4301", "430181");

    public async Task<RegisterCallReply> RegisterAsync(RegisterCallRequest request)
    {
        system.Figures.Call();
        return await Intake.RegisterCallAsync(request);
    }

    /// <summary>Registers with the same idempotency key until intake answers, as an agent's desk does through an outage.</summary>
    public async Task<ServiceOrder> RegisterUntilAnsweredAsync(RegisterCallRequest request, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(180));
        while (true)
        {
            try
            {
                system.Figures.Call();
                return (await Intake.RegisterCallAsync(request, deadline: DateTime.UtcNow.AddSeconds(20))).Order;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.DeadlineExceeded
                or StatusCode.Unknown or StatusCode.Aborted && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>Every service order in the system, through ListServiceOrders page by page.</summary>
    public async Task<IReadOnlyList<ServiceOrder>> ListOrdersAsync()
    {
        var all = new List<ServiceOrder>();
        var token = "";
        do
        {
            system.Figures.Call();
            var page = await IntakeAdmin.ListServiceOrdersAsync(new ListServiceOrdersRequest { PageSize = 100, PageToken = token });
            all.AddRange(page.Orders);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    /// <summary>What dispatch knows of the order once its ServiceOrderOpened has arrived and the condition holds.</summary>
    public Task<OrderDispatch> DispatchOnceAsync(string orderId, Func<OrderDispatch, bool> done, string what, TimeSpan? timeout = null) =>
        Eventually.Until(
            async () =>
            {
                system.Figures.Call();
                try { return await Dispatcher.GetOrderDispatchAsync(new GetOrderDispatchRequest { OrderId = orderId }); }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound) { return null!; }
            },
            d => d is not null && done(d),
            timeout ?? TimeSpan.FromSeconds(45),
            what);

    /// <summary>The SLA timer's on-site deadline (or another of dispatch's, by kind) of an order once the condition holds.</summary>
    public Task<Deadline> DeadlineOnceAsync(
        string orderId, Func<Deadline, bool> done, string what, TimeSpan? timeout = null, string kind = DeadlineKinds.OnSite) =>
        Eventually.Until(
            async () =>
            {
                system.Figures.Call();
                try { return await Sla.GetDeadlineAsync(new GetDeadlineRequest { Owner = DeadlineOwners.Dispatch, SubjectId = orderId, Kind = kind }); }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound) { return null!; }
            },
            d => d is not null && done(d),
            timeout ?? TimeSpan.FromSeconds(45),
            what);

    public async Task<int> CountOrdersAsync() => (await ListOrdersAsync()).Count;
}
