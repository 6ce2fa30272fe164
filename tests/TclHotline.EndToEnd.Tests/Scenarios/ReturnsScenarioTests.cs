using Grpc.Core;
using TclHotline.EndToEnd.Tests.Apis;
using TclHotline.EndToEnd.Tests.Harness;
using TclHotline.Grpc.Dispatch.V1;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Grpc.Returns.V1;
using TclHotline.Testing;
using Xunit;
using Xunit.Abstractions;
using IntakeOrderType = TclHotline.Grpc.Intake.V1.OrderType;

namespace TclHotline.EndToEnd.Tests.Scenarios;

/// <summary>
/// The branch's side of the trade across the services, each its own process: a dealer's damaged unit becomes a
/// pre-sale repair order that intake opens and dispatch plans, and a merchant return for a slow repair is checked
/// against what intake and dispatch really said about that repair. Only public gRPC APIs and the report's HTTP API.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ReturnsScenarioTests(SystemUnderTest system, ITestOutputHelper output)
{
    private const string Changsha = "CS";
    private static readonly TimeZoneInfo BranchTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly HotlineCalls _calls = new(system);
    private readonly ReturnsCalls _returns = new(system);

    [RabbitMqFact]
    public Task Rule18_a_dealers_cracked_panel_opens_a_pre_sale_order_that_dispatch_plans_and_its_kept_commitment_reaches_the_branch_report() =>
        Traced("pre-sale damage to a kept commitment", async () =>
        {
            var serial = ReturnsCalls.SerialFor("PS" + HotlineCalls.Unique());
            var reported = await _returns.ReportUntilAnsweredAsync(
                ReturnsCalls.PreSale(ReturnsCalls.ChangshaDealer, serial, Finding.CrackedPanel, "e2e-" + HotlineCalls.Unique()), Changsha);
            Assert.Equal(Changsha, reported.BranchCode);

            // Intake opened the order from the bus; its number came back to the report the same way.
            var linked = await _returns.LinkedAsync(reported.ReportId, Changsha);
            system.Figures.Call();
            var order = await _calls.IntakeAdmin.GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = linked.OrderNumber });
            Assert.Equal(IntakeOrderType.PreSaleRepair, order.OrderType);
            Assert.Equal(serial, order.SerialNumber);
            Assert.Equal(Changsha, order.BranchCode);
            Assert.Equal(linked.OrderId, order.OrderId);

            // Dispatch plans it like any other urban order: an engineer and the 24-hour commitment.
            var assigned = await _calls.DispatchOnceAsync(order.OrderId, d => d.CurrentVisit is not null, "an engineer assigned to the pre-sale repair");
            Assert.Equal(CommitmentBasis.Urban, assigned.Commitment.Basis);
            var month = TimeZoneInfo.ConvertTime(assigned.Commitment.DueAt.ToDateTimeOffset(), BranchTime).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            // Earlier scenarios' arrivals may still be queued for the returns service (a fault burst leaves it a
            // backlog): counted after this read they would look like this order's. Let it catch up first.
            // And after a fault scenario's broker restart it may still be reconnecting: the arrival would wait in its
            // queue past this test's patience, so its queues must have their consumers back too.
            await Eventually.Until(() => system.Broker.MessagesInQueuesAsync("returns-"), n => n == 0, TimeSpan.FromSeconds(90),
                "the returns service to catch up with the bus");
            await Eventually.Until(() => system.Broker.QueuesWithoutConsumersAsync("returns-"), q => q.Count == 0, TimeSpan.FromSeconds(90),
                "the returns service to read every one of its queues");
            var keptBefore = ReturnsCalls.Drawn(await _returns.BranchReportAsync(Changsha, month), "commitments", month, "kept");

            var visit = assigned.CurrentVisit;
            var report = new VisitReport { OrderId = order.OrderId, VisitId = visit.VisitId, EngineerId = visit.EngineerId };
            system.Figures.Call();
            var arrived = await _calls.EngineerApp(visit.EngineerId).ReportArrivalAsync(report);
            Assert.True(arrived.OnTime);

            // Dispatch's arrival reaches the returns service's report over the bus.
            await Eventually.Until(async () => ReturnsCalls.Drawn(await _returns.BranchReportAsync(Changsha, month), "commitments", month, "kept"),
                kept => kept == keptBefore + 1, TimeSpan.FromSeconds(90), "the kept commitment in the branch report");

            // The opening inspection, then the director's change of attribution with a reason.
            system.Figures.Call(3);
            await _returns.Staff(Changsha).RecordInspectionAsync(new RecordInspectionRequest
            {
                ReportId = reported.ReportId, Attribution = Attribution.Logistics, CostBearer = CostBearer.Logistics, EvidencePhotoIds = { "IMG-0001" },
            });
            var changed = await _returns.Director(Changsha).ChangeAttributionAsync(new ChangeAttributionRequest
            {
                ReportId = reported.ReportId, Attribution = Attribution.Dealer, Reason = "物流签收单无破损记录",
            });
            Assert.Equal(Attribution.Dealer, changed.Inspection.Attribution);
            var change = Assert.Single(changed.AttributionChanges);
            Assert.Equal((Attribution.Logistics, Attribution.Dealer), (change.From, change.To));
            var stats = await _returns.Staff(Changsha).GetDamageStatisticsAsync(new GetDamageStatisticsRequest
            {
                BranchCode = Changsha, Month = TimeZoneInfo.ConvertTime(reported.ReportedAt.ToDateTimeOffset(), BranchTime).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            });
            Assert.True(stats.DamageByKind.Single(k => k.Finding == Finding.CrackedPanel).Count >= 1);
            Assert.True(stats.ByAttribution.Single(a => a.Attribution == Attribution.Dealer).Count >= 1);
        });

    [RabbitMqFact]
    public Task Rule19_a_return_for_a_slow_repair_is_accepted_only_once_the_real_repair_was_slow_and_counts_against_the_branch() =>
        Traced("merchant return for a slow repair", async () =>
        {
            var registered = (await _calls.RegisterAsync(HotlineCalls.UrbanRepair())).Order;
            var assigned = await _calls.DispatchOnceAsync(registered.OrderId, d => d.CurrentVisit is not null, "an engineer assigned");
            var slowReturn = new RegisterMerchantReturnRequest
            {
                DealerCode = ReturnsCalls.ChangshaDealer, SerialNumber = registered.SerialNumber, Reason = ReturnReason.RepairedTooSlowly,
                ServiceOrderNumbers = { registered.OrderNumber }, Note = "顾客等待维修过久，商场换机", IdempotencyKey = "e2e-" + HotlineCalls.Unique(),
            };

            // Open and registered today: not slow by rule 9, so the return is refused naming the order, and nothing is stored.
            system.Figures.Call();
            var early = await Assert.ThrowsAsync<RpcException>(() => _returns.Staff(Changsha).RegisterMerchantReturnAsync(slowReturn).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, early.StatusCode);
            Assert.Contains("service_order_numbers[0]", early.Status.Detail);

            var month = TimeZoneInfo.ConvertTime(system.Now, BranchTime).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var serviceBefore = ReturnsCalls.Drawn(await _returns.BranchReportAsync(Changsha, month), "returns-by-class", month, "service");

            // The engineer repairs it, but the repair took 35 days for the repairer's own reasons.
            var visit = assigned.CurrentVisit;
            var report = new VisitReport { OrderId = registered.OrderId, VisitId = visit.VisitId, EngineerId = visit.EngineerId };
            var engineer = _calls.EngineerApp(visit.EngineerId);
            system.Figures.Call(2);
            await engineer.ReportArrivalAsync(report);
            await engineer.CompleteVisitAsync(new CompleteVisitRequest
            {
                Report = report, SerialNumber = registered.SerialNumber, IdempotencyKey = "repair-" + HotlineCalls.Unique(),
                Completion = new Completion { Repaired = true, FaultFound = "main board", PartsReplaced = { "main board" }, DaysInRepair = 35 },
            });

            // Once dispatch's VisitCompleted has reached the returns service, the same return is accepted as service class.
            var accepted = await Eventually.Until(async () =>
            {
                system.Figures.Call();
                try { return await _returns.Staff(Changsha).RegisterMerchantReturnAsync(slowReturn); }
                catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument) { return null!; }
            }, r => r is not null, TimeSpan.FromSeconds(45), "the return accepted once the slow repair is known");
            Assert.Equal(ReturnClass.Service, accepted.Class);
            var slow = Assert.Single(accepted.SlowOrders);
            Assert.Equal(registered.OrderNumber, slow.OrderNumber);
            Assert.Equal(("REPAIRER_DELAY", 35, 30), (slow.SlowBy, slow.Days, slow.ThresholdDays));

            // Sent again with its key: the same return, not a second one.
            system.Figures.Call();
            var again = await _returns.Staff(Changsha).RegisterMerchantReturnAsync(slowReturn);
            Assert.Equal(accepted.ReturnId, again.ReturnId);
            Assert.Equal(serviceBefore + 1, ReturnsCalls.Drawn(await _returns.BranchReportAsync(Changsha, month), "returns-by-class", month, "service"));
        });

    private Task Traced(string scenario, Func<Task> body) => ScenarioTrace.RunAsync(system, output, scenario, body);
}
