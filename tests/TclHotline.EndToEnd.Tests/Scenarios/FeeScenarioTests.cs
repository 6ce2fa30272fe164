using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using TclHotline.EndToEnd.Tests.Apis;
using TclHotline.EndToEnd.Tests.Harness;
using TclHotline.Grpc.Dispatch.V1;
using TclHotline.Grpc.Intake.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TclHotline.EndToEnd.Tests.Scenarios;

/// <summary>
/// What the customer pays, across the processes: intake's estimate learns the outlet's distance from dispatch's
/// assignment and the night surcharge from the customer's move, and the completion is settled against it.
/// An outlet 46 km from Wuhan's 汉南区 (urban, covered by no seeded outlet) is added through the roster API.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FeeScenarioTests(SystemUnderTest system, ITestOutputHelper output)
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly HotlineCalls _calls = new(system);

    private IntakeService.IntakeServiceClient IntakeAdmin => _calls.IntakeAdmin;

    /// <summary>A repair out of warranty (bought 400 days ago, a picture fault) in 汉南区, served only by the far outlet.</summary>
    private static RegisterCallRequest FarOutOfWarrantyRepair(DateTimeOffset now)
    {
        var request = HotlineCalls.Repair("42", "4201", "420113");
        var purchase = now.UtcDateTime.AddDays(-400);
        request.PurchaseDate = request.InvoiceDate = purchase.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        request.SerialNumber = $"55P71C{purchase.AddMonths(-2):yyMM}{HotlineCalls.Unique()}";
        return request;
    }

    private static readonly SemaphoreSlim FarOutletOnce = new(1, 1);
    private static bool _farOutletCreated;

    /// <summary>Created once for the whole run: the scenarios share the outlet and its engineer.</summary>
    private async Task FarOutletAsync()
    {
        await FarOutletOnce.WaitAsync();
        try
        {
            if (!_farOutletCreated)
                await CreateFarOutletAsync();
            _farOutletCreated = true;
        }
        finally
        {
            FarOutletOnce.Release();
        }
    }

    private async Task CreateFarOutletAsync()
    {
        var roster = new RosterService.RosterServiceClient(system.ChannelAs(system.Dispatch, HotlineRoles.Administrator));
        await roster.CreateOutletAsync(new CreateOutletRequest
        {
            IdempotencyKey = "e2e-fees-outlet",
            Outlet = new Outlet
            {
                OutletId = "WH-HN-FAR", BranchCode = "WH", Name = "汉南远郊网点", Kind = OutletKind.Own,
                Coverage = { new DistrictCoverage { DistrictCode = "420113", TravelMinutes = 70, DistanceKm = 46 } },
            },
        });
        await roster.CreateEngineerAsync(new CreateEngineerRequest
        {
            IdempotencyKey = "e2e-fees-engineer",
            Engineer = new Engineer
            {
                EngineerId = "WH-HN-E1", Name = "赵强", OutletId = "WH-HN-FAR", DailyCapacity = 40,
                Skills = { Skill.Repair },
                Shifts = { new Shift { Start = "00:00", End = "23:59" } },
                VisitDurations =
                {
                    new VisitDuration { OrderType = Grpc.Dispatch.V1.OrderType.Repair, Minutes = 60 },
                    new VisitDuration { OrderType = Grpc.Dispatch.V1.OrderType.PreSaleRepair, Minutes = 45 },
                },
            },
        });
    }

    private Task<ServiceOrder> OrderOnceAsync(ServiceOrder order, Func<ServiceOrder, bool> done, string what) =>
        Eventually.Until(() => IntakeAdmin.GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = order.OrderNumber }).ResponseAsync,
            done, TimeSpan.FromSeconds(45), what);

    private static decimal Yuan(Money money) => money.Units + money.Nanos / 1_000_000_000m;

    /// <summary>Registered, assigned to the far outlet, quoted with travel: 50 base + (46 − 30) km.</summary>
    private async Task<(ServiceOrder Order, Grpc.Dispatch.V1.Visit Visit)> QuotedWithTravelAsync()
    {
        await FarOutletAsync();
        var order = (await _calls.RegisterAsync(FarOutOfWarrantyRepair(system.Now))).Order;
        Assert.True(order.Fee.Chargeable);
        Assert.False(order.Fee.TravelIncluded);
        Assert.Equal(50m, Yuan(order.Fee.Total));

        var assigned = await _calls.DispatchOnceAsync(order.OrderId, d => d.CurrentVisit is not null, "an engineer of the far outlet assigned");
        Assert.Equal("WH-HN-FAR", assigned.CurrentVisit.OutletId);
        var quoted = await OrderOnceAsync(order, o => o.Fee.TravelIncluded, "the estimate with travel");
        Assert.Equal(66m, Yuan(quoted.Fee.Total));
        return (quoted, assigned.CurrentVisit);
    }

    private async Task CompleteAsync(ServiceOrder order, string visitId, Completion completion)
    {
        var engineer = _calls.EngineerApp("WH-HN-E1");
        var report = new VisitReport { OrderId = order.OrderId, VisitId = visitId, EngineerId = "WH-HN-E1" };
        system.Figures.Call(3);
        await engineer.AcceptVisitAsync(report);
        await engineer.ReportArrivalAsync(report);
        await engineer.CompleteVisitAsync(new CompleteVisitRequest
        {
            Report = report, SerialNumber = order.SerialNumber, Completion = completion, IdempotencyKey = "done-" + HotlineCalls.Unique(),
        });
    }

    [RabbitMqFact]
    public Task Rule15_Rule16_Rule13_a_far_urban_repair_is_quoted_with_travel_moved_to_night_requoted_and_settled_at_the_quote() => Traced("fees: travel, night, settlement", async () =>
    {
        var (order, visit) = await QuotedWithTravelAsync();

        // The customer moves the visit to 22:00 Beijing time the next day: a night visit, re-quoted.
        var local = TimeZoneInfo.ConvertTime(system.Now, Beijing);
        var night = new DateTimeOffset(local.Date.AddDays(1).AddHours(22), local.Offset);
        system.Figures.Call();
        var moved = await _calls.Dispatcher.RescheduleVisitAsync(new RescheduleVisitRequest
        {
            OrderId = order.OrderId, VisitId = visit.VisitId, Cause = RescheduleCause.Customer,
            NewStart = Timestamp.FromDateTimeOffset(night), IdempotencyKey = "move-" + HotlineCalls.Unique(),
        });
        var requoted = await OrderOnceAsync(order, o => o.Fee.Lines.Any(l => l.Kind == FeeLineKind.NightSurcharge), "the night re-quote");
        Assert.Equal(91m, Yuan(requoted.Fee.Total)); // 50 + 16 travel + 25 night
        Assert.Equal(["REGISTERED", "ASSIGNED", "APPOINTMENT_BOOKED"], requoted.FeeHistory.Select(h => h.Cause));
        var pop = await _calls.Intake.LookupCallerAsync(new LookupCallerRequest { CallerNumber = order.CallerNumber });
        Assert.Equal(requoted.Fee, Assert.Single(pop.OpenOrders).Fee);

        // Dispatch holds the same quote; the engineer arrives at night and leaves the fee blank: the quote is charged.
        await _calls.DispatchOnceAsync(order.OrderId, d => d.Fee?.Revision == 3, "dispatch holding the night quote");
        await system.AdvanceClockAsync(night.AddMinutes(5) - system.Now);
        await CompleteAsync(order, moved.CurrentVisit.VisitId, new Completion { Repaired = true, FaultFound = "T-CON board", PartsReplaced = { "T-CON" } });

        var settled = await OrderOnceAsync(order, o => o.Settlement is not null, "the settlement");
        Assert.Equal(OrderStatus.Completed, settled.Status);
        Assert.Equal(91m, Yuan(settled.Settlement.Charged));
        Assert.Equal(0m, Yuan(settled.Settlement.Difference));
        Assert.Equal(3, settled.Settlement.EstimateRevision);
    });

    [RabbitMqFact]
    public Task Rule14_a_declined_far_repair_settles_at_zero() => Traced("fees: declined", async () =>
    {
        var (order, visit) = await QuotedWithTravelAsync();
        await _calls.DispatchOnceAsync(order.OrderId, d => d.Fee?.Revision == 2, "dispatch holding the quote");

        await CompleteAsync(order, visit.VisitId, new Completion { CustomerDeclined = true, FaultFound = "T-CON board" });

        var settled = await OrderOnceAsync(order, o => o.Settlement is not null, "the settlement");
        Assert.Equal(0m, Yuan(settled.Settlement.Charged));
        Assert.Equal([14], settled.Settlement.RulesApplied);
    });

    [RabbitMqFact]
    public Task Rule12_a_suspicious_invoice_is_verified_by_its_branch_only_and_a_false_one_loses_free_service() => Traced("fees: invoice verification", async () =>
    {
        // Invoice dated before the serial's production month: suspicious; in warranty until the branch says otherwise.
        var request = HotlineCalls.UrbanRepair();
        var produced = system.Now.UtcDateTime.AddDays(-60);
        request.SerialNumber = $"55P71C{produced:yyMM}{HotlineCalls.Unique()}";
        request.PurchaseDate = "";
        request.InvoiceDate = new DateTime(produced.Year, produced.Month, 1).AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var order = (await _calls.RegisterAsync(request)).Order;
        Assert.True(order.Fee.Provisional);
        Assert.Equal(InvoiceVerificationState.Pending, order.InvoiceVerification.State);

        IntakeService.IntakeServiceClient Director(string branch) => new(system.ChannelAs(system.Intake, HotlineRoles.ServiceDirector, branch));
        var pending = await Director(order.BranchCode).ListPendingInvoiceVerificationsAsync(new ListPendingInvoiceVerificationsRequest());
        Assert.Contains(pending.Orders, o => o.OrderNumber == order.OrderNumber);
        var verify = new RecordInvoiceVerificationRequest { OrderNumber = order.OrderNumber, Genuine = false, Reason = "No such sale in the shop's ledger." };
        var otherBranch = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => Director("WH").RecordInvoiceVerificationAsync(verify).ResponseAsync);
        Assert.Equal(global::Grpc.Core.StatusCode.PermissionDenied, otherBranch.StatusCode);
        Assert.Equal(InvoiceVerificationState.Pending,
            (await IntakeAdmin.GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = order.OrderNumber })).InvoiceVerification.State);

        var verified = await Director(order.BranchCode).RecordInvoiceVerificationAsync(verify);
        Assert.Equal(InvoiceVerificationState.False, verified.InvoiceVerification.State);
        Assert.True(verified.Fee.Chargeable);
        Assert.Contains("No such sale in the shop's ledger.", verified.Fee.Reason);
        await _calls.DispatchOnceAsync(order.OrderId, d => d.Fee is { Chargeable: true }, "dispatch holding the chargeable estimate");
    });

    private Task Traced(string scenario, Func<Task> body) => ScenarioTrace.RunAsync(system, output, scenario, body);
}
