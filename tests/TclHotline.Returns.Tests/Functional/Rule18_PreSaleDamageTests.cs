using Grpc.Core;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Grpc.Returns.V1;
using TclHotline.Intake;
using TclHotline.Returns.Tests.Support;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using static TclHotline.Returns.Tests.Functional.Refusals;

namespace TclHotline.Returns.Tests.Functional;

/// <summary>
/// Rule 18: a unit of dealer stock found damaged or faulty opens a pre-sale repair order (through intake, over
/// the bus); the opening inspection attributes it; the service director may change that, audited; the month's
/// statistics split damage by kind and attribution.
/// </summary>
public sealed class Rule18_PreSaleDamageTests(ReturnsWithIntakeHost returns) : IClassFixture<ReturnsWithIntakeHost>
{
    private static ReportPreSaleUnitRequest Report(string serial, Finding finding, string dealer = ReturnsHost.Gome) => new()
    {
        DealerCode = dealer, SerialNumber = serial, ProductModel = "55C8K", Finding = finding, Description = "开箱发现",
    };

    [Fact]
    public async Task Rule18_a_dealers_report_opens_a_pre_sale_repair_order_in_intake_at_the_dealers_shop()
    {
        var serial = ReturnsHost.NewSerial();

        var report = await returns.Dealer(ReturnsHost.Gome).ReportPreSaleUnitAsync(Report(serial, Finding.CrackedPanel));

        var linked = await Eventually.Until(() => returns.Staff().GetPreSaleReportAsync(new GetPreSaleReportRequest { ReportId = report.ReportId }).ResponseAsync,
            r => r.OrderNumber != "", what: "intake to open the pre-sale repair order");
        var intake = new IntakeService.IntakeServiceClient(returns.Host.ChannelAs(HotlineRoles.Dispatcher, ReturnsHost.Changsha));
        var order = await intake.GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = linked.OrderNumber });
        Assert.Equal(OrderType.PreSaleRepair, order.OrderType);
        Assert.Equal(serial, order.SerialNumber);
        Assert.Equal(ReturnsHost.Changsha, order.BranchCode);
        Assert.Equal("430102", order.DistrictCode);
        Assert.Equal(FaultCategory.Panel, order.FaultCategory);
        Assert.Equal(linked.OrderId, order.OrderId);
        Assert.Equal(ReturnsHost.Changsha, report.BranchCode);
    }

    [Fact]
    public async Task Rule18_a_report_repeated_with_its_idempotency_key_returns_the_first_and_intake_opens_one_order()
    {
        var serial = ReturnsHost.NewSerial();
        var request = Report(serial, Finding.PerformanceFault);
        request.IdempotencyKey = "report-" + serial;

        var first = await returns.Staff().ReportPreSaleUnitAsync(request);
        var again = await returns.Staff().ReportPreSaleUnitAsync(request);
        request.Description = "另一台";
        await RefusedAsync(StatusCode.AlreadyExists, () => returns.Staff().ReportPreSaleUnitAsync(request).ResponseAsync);

        Assert.Equal(first.ReportId, again.ReportId);
        Assert.Equal(1, await returns.CountAsync("pre_sale_reports", "serial_number = @Serial", new { Serial = serial }));
        await Eventually.Until(async () => (await returns.Staff().GetPreSaleReportAsync(new GetPreSaleReportRequest { ReportId = first.ReportId })).OrderNumber != "",
            what: "the order to be linked");
        var intake = new IntakeService.IntakeServiceClient(returns.Host.ChannelAs(HotlineRoles.Dispatcher, ReturnsHost.Changsha));
        var orders = await intake.ListServiceOrdersAsync(new ListServiceOrdersRequest { OrderType = OrderType.PreSaleRepair, PageSize = 100 });
        Assert.Single(orders.Orders, o => o.SerialNumber == serial);
    }

    [Fact]
    public async Task Rule18_the_opening_inspection_records_attribution_cost_and_evidence_and_the_director_changes_it_with_a_reason()
    {
        var report = await returns.Staff().ReportPreSaleUnitAsync(Report(ReturnsHost.NewSerial(), Finding.ScratchedCase));

        var inspected = await returns.As(HotlineRoles.Engineer).RecordInspectionAsync(new RecordInspectionRequest
        {
            ReportId = report.ReportId, Attribution = Attribution.Logistics, CostBearer = CostBearer.Logistics,
            EvidencePhotoIds = { "photo-1", "photo-2" },
        });
        var changed = await returns.Director().ChangeAttributionAsync(new ChangeAttributionRequest
        {
            ReportId = report.ReportId, Attribution = Attribution.Dealer, Reason = "签收单无破损备注，店内搬运造成",
        });

        Assert.Equal(Attribution.Logistics, inspected.Inspection.Attribution);
        Assert.Equal(CostBearer.Logistics, inspected.Inspection.CostBearer);
        Assert.Equal(["photo-1", "photo-2"], inspected.Inspection.EvidencePhotoIds);
        Assert.Equal(Attribution.Dealer, changed.Inspection.Attribution);
        var change = Assert.Single(changed.AttributionChanges);
        Assert.Equal((Attribution.Logistics, Attribution.Dealer), (change.From, change.To));
        Assert.Equal("签收单无破损备注，店内搬运造成", change.Reason);
        var audit = await new TclHotline.Grpc.Audit.V1.AuditTrail.AuditTrailClient(returns.Host.ChannelAs(HotlineRoles.Administrator))
            .ListAuditEntriesAsync(new TclHotline.Grpc.Audit.V1.ListAuditEntriesRequest
            {
                Service = "returns", Action = "returns.change-attribution", SubjectId = report.ReportId, PageSize = 10,
            });
        var entry = Assert.Single(audit.Entries);
        Assert.Contains("Dealer", entry.AfterJson);
        Assert.Contains("Logistics", entry.BeforeJson);
    }

    [Fact]
    public async Task Rule18_only_the_service_director_changes_an_attribution()
    {
        var report = await returns.Staff().ReportPreSaleUnitAsync(Report(ReturnsHost.NewSerial(), Finding.ScratchedPanel));
        await returns.Staff().RecordInspectionAsync(new RecordInspectionRequest
        {
            ReportId = report.ReportId, Attribution = Attribution.User, CostBearer = CostBearer.User,
        });

        await RefusedAsync(StatusCode.PermissionDenied, () => returns.Staff().ChangeAttributionAsync(new ChangeAttributionRequest
        {
            ReportId = report.ReportId, Attribution = Attribution.Dealer, Reason = "x",
        }).ResponseAsync);
        await InvalidFieldAsync("reason", () => returns.Director().ChangeAttributionAsync(new ChangeAttributionRequest
        {
            ReportId = report.ReportId, Attribution = Attribution.Dealer,
        }).ResponseAsync);

        var unchanged = await returns.Staff().GetPreSaleReportAsync(new GetPreSaleReportRequest { ReportId = report.ReportId });
        Assert.Equal(Attribution.User, unchanged.Inspection.Attribution);
        Assert.Empty(unchanged.AttributionChanges);
    }

    [Fact]
    public async Task Rule18_bad_reports_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var serial = ReturnsHost.NewSerial();

        await InvalidFieldAsync("finding", () => returns.Staff().ReportPreSaleUnitAsync(Report(serial, (Finding)99)).ResponseAsync);
        await InvalidFieldAsync("finding", () => returns.Staff().ReportPreSaleUnitAsync(Report(serial, Finding.Unspecified)).ResponseAsync);
        await InvalidFieldAsync("dealer_code", () => returns.Staff().ReportPreSaleUnitAsync(Report(serial, Finding.CrackedPanel, "NO-SUCH")).ResponseAsync);
        await InvalidFieldAsync("serial_number", () => returns.Staff().ReportPreSaleUnitAsync(Report("bad serial!", Finding.CrackedPanel)).ResponseAsync);
        var other = await RefusedAsync(StatusCode.PermissionDenied,
            () => returns.Dealer(ReturnsHost.Suning).ReportPreSaleUnitAsync(Report(serial, Finding.CrackedPanel, ReturnsHost.Gome)).ResponseAsync);
        Assert.Contains("dealer_code", other.Status.Detail);

        Assert.Equal(0, await returns.CountAsync("pre_sale_reports", "serial_number = @Serial", new { Serial = serial }));
    }

    [Fact]
    public async Task Rule18_monthly_statistics_split_damage_by_kind_and_the_share_of_each_attribution()
    {
        // The seed's 开箱屏裂 table: of ten cracked panels, 3 by logistics and 7 by the dealer; plus one scratched
        // case not yet inspected and a performance fault, which is not damage. Counted in a branch of its own.
        const string branch = ReturnsHost.Wuhan;
        var staff = returns.Staff(branch);
        for (var i = 0; i < 10; i++)
        {
            var r = await staff.ReportPreSaleUnitAsync(Report(ReturnsHost.NewSerial(), Finding.CrackedPanel, ReturnsHost.WuhanDealer));
            await staff.RecordInspectionAsync(new RecordInspectionRequest
            {
                ReportId = r.ReportId, Attribution = i < 3 ? Attribution.Logistics : Attribution.Dealer, CostBearer = CostBearer.Maker,
            });
        }
        await staff.ReportPreSaleUnitAsync(Report(ReturnsHost.NewSerial(), Finding.ScratchedCase, ReturnsHost.WuhanDealer));
        await staff.ReportPreSaleUnitAsync(Report(ReturnsHost.NewSerial(), Finding.PerformanceFault, ReturnsHost.WuhanDealer));

        var month = returns.Today.ToString("yyyy-MM");
        var stats = await staff.GetDamageStatisticsAsync(new GetDamageStatisticsRequest { Month = month });

        Assert.Equal(10, stats.DamageByKind.Single(k => k.Finding == Finding.CrackedPanel).Count);
        Assert.Equal(1, stats.DamageByKind.Single(k => k.Finding == Finding.ScratchedCase).Count);
        Assert.Equal(1, stats.PerformanceFaults);
        Assert.Equal((10, 1), (stats.Inspected, stats.NotInspected));
        var cracked = stats.ByKindAndAttribution.Single(k => k.Finding == Finding.CrackedPanel).ByAttribution;
        Assert.Equal(30.0, cracked.Single(a => a.Attribution == Attribution.Logistics).Percent);
        Assert.Equal(70.0, cracked.Single(a => a.Attribution == Attribution.Dealer).Percent);
        Assert.Equal(0, cracked.Single(a => a.Attribution == Attribution.User).Count);
        var nextMonth = await staff.GetDamageStatisticsAsync(new GetDamageStatisticsRequest { Month = returns.Today.AddMonths(1).ToString("yyyy-MM") });
        Assert.All(nextMonth.DamageByKind, k => Assert.Equal(0, k.Count));
        await InvalidFieldAsync("month", () => staff.GetDamageStatisticsAsync(new GetDamageStatisticsRequest { Month = "2025-13" }).ResponseAsync);
        await RefusedAsync(StatusCode.PermissionDenied, () => returns.Staff(ReturnsHost.Changsha)
            .GetDamageStatisticsAsync(new GetDamageStatisticsRequest { BranchCode = branch, Month = month }).ResponseAsync);
    }
}
