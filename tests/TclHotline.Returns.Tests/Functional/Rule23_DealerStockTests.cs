using Grpc.Core;
using TclHotline.Grpc.Returns.V1;
using TclHotline.Messages.Intake;
using TclHotline.Returns.Tests.Support;
using TclHotline.ServiceDefaults.Security;
using static TclHotline.Returns.Tests.Functional.Refusals;

namespace TclHotline.Returns.Tests.Functional;

/// <summary>
/// Deliveries to dealers, one by one and in bulk (the CLI's CSV rows), and rule 23: units still in a dealer's
/// stock more than the configured months after delivery are 滞销机, listed for sales staff and the director.
/// </summary>
public sealed class Rule23_DealerStockTests(ReturnsHost returns) : IClassFixture<ReturnsHost>
{
    private static RecordDeliveryRequest Row(string serial, string dealer, DateOnly on) => new()
    {
        SerialNumber = serial, ProductModel = "65Q10K", DealerCode = dealer, DeliveredOn = on.ToString("yyyy-MM-dd"),
    };

    [Fact]
    public async Task Rule23_a_unit_is_aging_from_the_day_after_the_configured_months_end_and_only_while_in_stock()
    {
        // The Wuhan branch is this test's own: its list holds exactly these units.
        var today = returns.Today;
        var staff = returns.Staff(ReturnsHost.Wuhan);
        var justAging = ReturnsHost.NewSerial();
        var notYet = ReturnsHost.NewSerial();
        var sold = ReturnsHost.NewSerial();
        await staff.RecordDeliveriesAsync(new RecordDeliveriesRequest
        {
            Deliveries =
            {
                Row(justAging, ReturnsHost.WuhanDealer, today.AddMonths(-2).AddDays(-1)),
                Row(notYet, ReturnsHost.WuhanDealer, today.AddMonths(-2)),
                Row(sold, ReturnsHost.WuhanDealer, today.AddMonths(-3)),
            },
        });
        // A customer's order names the third unit: it was sold.
        await returns.PublishAndWaitAsync(new ServiceOrderOpened(Guid.NewGuid(), "WO-SOLD-" + sold, returns.Clock.GetUtcNow(), "Repair",
            ReturnsHost.Wuhan, "42", "4201", "420103", true, "王女士", "13800138000", "江汉路 1 号", "65Q10K", sold, "Picture",
            true, false, null, null), "ServiceOrderOpenedConsumer");

        var list = await returns.As(HotlineRoles.Sales, ReturnsHost.Wuhan).ListAgingStockAsync(new ListAgingStockRequest());

        var unit = Assert.Single(list.Units);
        Assert.Equal(justAging, unit.SerialNumber);
        Assert.True(unit.Aging);
        Assert.Equal(2, list.AgingMonths);
        var dealer = Assert.Single(list.ByDealer);
        Assert.Equal((ReturnsHost.WuhanDealer, 1, 2), (dealer.DealerCode, dealer.AgingUnits, dealer.InStockUnits));
        var pending = await staff.GetDealerUnitAsync(new GetDealerUnitRequest { SerialNumber = notYet });
        Assert.False(pending.Aging);
        Assert.Equal(today.AddDays(1).ToString("yyyy-MM-dd"), pending.AgingSince);
        Assert.Equal(StockStatus.Sold, (await staff.GetDealerUnitAsync(new GetDealerUnitRequest { SerialNumber = sold })).Status);
        var director = await returns.Director(ReturnsHost.Wuhan).ListAgingStockAsync(new ListAgingStockRequest());
        Assert.Equal(justAging, Assert.Single(director.Units).SerialNumber);
    }

    [Fact]
    public async Task Rule23_the_aging_list_is_for_sales_staff_and_the_service_director_of_the_branch()
    {
        await RefusedAsync(StatusCode.PermissionDenied, () => returns.Dealer(ReturnsHost.Gome).ListAgingStockAsync(new ListAgingStockRequest()).ResponseAsync);
        await RefusedAsync(StatusCode.PermissionDenied, () => returns.As(HotlineRoles.Agent).ListAgingStockAsync(new ListAgingStockRequest()).ResponseAsync);
        await RefusedAsync(StatusCode.PermissionDenied, () => returns.As(HotlineRoles.Sales, ReturnsHost.Changsha)
            .ListAgingStockAsync(new ListAgingStockRequest { BranchCode = ReturnsHost.Wuhan }).ResponseAsync);
    }

    [Fact]
    public async Task Rule23_bulk_deliveries_are_all_or_nothing_and_a_bad_row_is_named_by_its_index()
    {
        var first = ReturnsHost.NewSerial();
        var second = ReturnsHost.NewSerial();
        var request = new RecordDeliveriesRequest
        {
            Deliveries = { Row(first, ReturnsHost.Gome, returns.Today), Row(second, ReturnsHost.Suning, returns.Today.AddDays(1)) },
        };

        await InvalidFieldAsync("deliveries[1].delivered_on", () => returns.Staff().RecordDeliveriesAsync(request).ResponseAsync);
        request.Deliveries[1].DealerCode = "NO-SUCH";
        request.Deliveries[1].DeliveredOn = returns.Today.ToString("yyyy-MM-dd");
        await InvalidFieldAsync("deliveries[1].dealer_code", () => returns.Staff().RecordDeliveriesAsync(request).ResponseAsync);
        Assert.Equal(0, await returns.CountAsync("dealer_units", "serial_number IN (@First, @Second)", new { First = first, Second = second }));

        request.Deliveries[1].DealerCode = ReturnsHost.Suning;
        var recorded = await returns.Staff().RecordDeliveriesAsync(request);
        var again = await returns.Staff().RecordDeliveriesAsync(request);

        Assert.Equal((2, 0), (recorded.Recorded, recorded.Unchanged));
        Assert.Equal((0, 2), (again.Recorded, again.Unchanged));
        request.Deliveries[0].DealerCode = ReturnsHost.Suning;
        await InvalidFieldAsync("deliveries[0].serial_number", () => returns.Staff().RecordDeliveriesAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task Rule23_a_dealer_sees_only_its_own_units()
    {
        var mine = await returns.DeliverAsync(ReturnsHost.Gome, returns.Today.AddDays(-3));
        var theirs = await returns.DeliverAsync(ReturnsHost.Suning, returns.Today.AddDays(-3));
        var gome = returns.Dealer(ReturnsHost.Gome);

        var own = await gome.ListDealerUnitsAsync(new ListDealerUnitsRequest { PageSize = 500 });
        Assert.Contains(own.Units, u => u.SerialNumber == mine);
        Assert.All(own.Units, u => Assert.Equal(ReturnsHost.Gome, u.DealerCode));
        Assert.Equal(3, (await gome.GetDealerUnitAsync(new GetDealerUnitRequest { SerialNumber = mine })).DaysInStock);

        var list = await RefusedAsync(StatusCode.PermissionDenied,
            () => gome.ListDealerUnitsAsync(new ListDealerUnitsRequest { DealerCode = ReturnsHost.Suning }).ResponseAsync);
        Assert.Contains("dealer_code", list.Status.Detail);
        var one = await RefusedAsync(StatusCode.PermissionDenied,
            () => gome.GetDealerUnitAsync(new GetDealerUnitRequest { SerialNumber = theirs }).ResponseAsync);
        Assert.Contains("serial_number", one.Status.Detail);
        await RefusedAsync(StatusCode.PermissionDenied, () => gome.RecordDeliveryAsync(Row(ReturnsHost.NewSerial(), ReturnsHost.Gome, returns.Today)).ResponseAsync);
    }

    [Fact]
    public async Task Rule23_dealer_units_page_through_in_serial_order()
    {
        var staff = returns.Staff();
        for (var i = 0; i < 3; i++) await returns.DeliverAsync(ReturnsHost.Suning, returns.Today);
        var all = new List<string>();
        var token = "";
        do
        {
            var page = await staff.ListDealerUnitsAsync(new ListDealerUnitsRequest { DealerCode = ReturnsHost.Suning, PageSize = 1, PageToken = token });
            all.AddRange(page.Units.Select(u => u.SerialNumber));
            token = page.NextPageToken;
        }
        while (token != "");

        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal(await returns.CountAsync("dealer_units", "dealer_code = @D", new { D = ReturnsHost.Suning }), all.Count);
    }
}
