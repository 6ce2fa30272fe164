using System.Text.Json;
using Grpc.Core;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Intake.Tests.Support;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Intake.Tests.Functional;

/// <summary>RegisterCall through a real host: what is stored, returned and published for each kind of call.</summary>
public sealed class RegisterCallTests(IntakeHostFixture fixture) : IClassFixture<IntakeHostFixture>
{
    private readonly IntakeHost intake = fixture.Intake;

    [Theory]
    [InlineData(OrderType.Repair)]
    [InlineData(OrderType.Installation)]
    [InlineData(OrderType.WallMount)]
    [InlineData(OrderType.EngineeringSurvey)]
    [InlineData(OrderType.PreSaleRepair)]
    public async Task Rule01_Rule02_Rule03_visit_order_is_opened_for_the_branch_of_use_and_published(OrderType type)
    {
        var reply = await intake.ClientAs().RegisterCallAsync(Requests.OfType(type));

        var order = reply.Order;
        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.Equal(type, order.OrderType);
        Assert.Equal("CS", order.BranchCode);
        Assert.Equal(AreaKind.Urban, order.Area);
        Assert.Matches(@"^SO20250601-\d{6}$", order.OrderNumber);
        var stored = await intake.ClientAs().GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = order.OrderNumber });
        Assert.Equal(order, stored);
        var opened = (await intake.OutboxAsync("ServiceOrderOpened")).Single(r => r.AggregateId == order.OrderId);
        using var body = JsonDocument.Parse(opened.Body);
        Assert.Equal(type.ToString(), body.RootElement.GetProperty("orderType").GetString());
        Assert.True(body.RootElement.GetProperty("isUrban").GetBoolean());
        // Boards show the district by name, from the catalogue.
        Assert.Equal(order.DistrictName, body.RootElement.GetProperty("districtName").GetString());
        Assert.NotEmpty(order.DistrictName);
    }

    [Fact]
    public async Task Rule02_Rule03_county_is_remote_from_the_catalogue()
    {
        var request = Requests.Repair();
        request.DistrictCode = "430121"; // 长沙县
        var reply = await intake.ClientAs().RegisterCallAsync(request);
        Assert.Equal(AreaKind.Remote, reply.Order.Area);
        Assert.Equal("长沙县", reply.Order.DistrictName);
    }

    [Fact]
    public async Task Consultation_is_stored_and_answered_without_dispatch()
    {
        var reply = await intake.ClientAs().RegisterCallAsync(Requests.OfType(OrderType.Consultation));
        Assert.Equal(OrderStatus.Answered, reply.Order.Status);
        Assert.False(reply.Order.Fee.Chargeable);
        Assert.Equal(1, await intake.CountAsync("service_orders", "order_number = @N", new { N = reply.Order.OrderNumber }));
        Assert.DoesNotContain(await intake.OutboxAsync("ServiceOrderOpened"), r => r.AggregateId == reply.Order.OrderId);
    }

    [Theory]
    [InlineData("2025-05-25", true)]  // day 7 after the sale
    [InlineData("2025-05-24", false)] // day 8
    public async Task Rule06_Rule07_SevenDayReturnRightIsStoredWithTheOrder(string invoiceDate, bool mayReturn)
    {
        var request = Requests.Repair();
        request.PurchaseDate = request.InvoiceDate = invoiceDate;
        var reply = await intake.ClientAs().RegisterCallAsync(request);

        var stored = await intake.ClientAs().GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = reply.Order.OrderNumber });
        Assert.Equal(mayReturn, stored.Warranty.Remedies.Contains(Remedy.Return));
        Assert.Contains(Remedy.Exchange, stored.Warranty.Remedies);
        Assert.Contains(mayReturn ? 6 : 7, stored.Warranty.RulesApplied);
        Assert.Equal(invoiceDate, stored.Warranty.StartDate);
        Assert.False(stored.Fee.Chargeable);
    }

    [Fact]
    public async Task Rule11_no_invoice_starts_sixty_days_after_the_label_production_date()
    {
        var request = Requests.Repair();
        request.PurchaseDate = request.InvoiceDate = request.InvoiceNumber = "";
        request.ProductionDate = "2025-01-10";
        var reply = await intake.ClientAs().RegisterCallAsync(request);

        var warranty = reply.Order.Warranty;
        Assert.Equal(WarrantyStartBasis.ProductionDate, warranty.StartBasis);
        Assert.Equal("2025-03-11", warranty.StartDate);
        Assert.Contains(Proof.Invoice, warranty.MissingProofs);
        Assert.Contains(11, warranty.RulesApplied);
    }

    [Fact]
    public async Task Rule13_Rule16_out_of_warranty_repair_is_estimated_with_the_night_surcharge()
    {
        var request = Requests.Repair();
        request.SerialNumber = "55P71C2301" + Requests.Unique("S"); // made January 2023
        request.PurchaseDate = request.InvoiceDate = "2024-01-10"; // whole unit ended 2025-01-10
        request.RequestedVisitAt = Requests.Beijing("2025-06-02", "22:00");
        var reply = await intake.ClientAs().RegisterCallAsync(request);

        var fee = reply.Order.Fee;
        Assert.False(reply.Order.Warranty.InWarranty);
        Assert.True(fee.Chargeable);
        Assert.Equal(75, fee.Total.Units); // base 50 + 50 %
        Assert.Equal([13, 16], fee.RulesApplied);
    }

    [Fact]
    public async Task Rule08_third_fault_report_makes_the_unit_exchange_eligible()
    {
        var serial = Requests.Serial();
        var phone = Requests.Phone();
        for (var report = 1; report <= 2; report++)
        {
            var earlier = await intake.ClientAs().RegisterCallAsync(Requests.Repair(phone, serial));
            Assert.False(earlier.Order.Warranty.ExchangeEligible);
            Assert.Equal(report, earlier.Order.Warranty.FaultReportsInPeriod);
            await DispatchEvents.CompleteVisitAsync(intake, earlier.Order, serial);
        }

        var third = await intake.ClientAs().RegisterCallAsync(Requests.Repair(phone, serial));

        Assert.False(third.RepeatCall);
        Assert.True(third.Order.Warranty.ExchangeEligible);
        Assert.Contains(8, third.Order.Warranty.RulesApplied);
        var opened = (await intake.OutboxAsync("ServiceOrderOpened")).Single(r => r.AggregateId == third.Order.OrderId);
        Assert.True(JsonDocument.Parse(opened.Body).RootElement.GetProperty("exchangeEligible").GetBoolean());
        var lookup = await intake.ClientAs().LookupCallerAsync(new LookupCallerRequest { CallerNumber = phone });
        var unit = Assert.Single(lookup.Units);
        Assert.Equal(2, unit.RepairCount);
        Assert.True(unit.Warranty.ExchangeEligible);
    }

    [Fact]
    public async Task Repeat_call_is_linked_to_the_open_order_never_a_second_one()
    {
        var first = await intake.ClientAs().RegisterCallAsync(Requests.Repair());
        var again = Requests.Repair(first.Order.CallerNumber, first.Order.SerialNumber);

        var repeat = await intake.ClientAs().RegisterCallAsync(again);

        Assert.True(repeat.RepeatCall);
        Assert.Equal(1, repeat.RepeatCount);
        Assert.Equal(first.Order.OrderNumber, repeat.Order.OrderNumber);
        Assert.Equal(1, await intake.CountAsync("service_orders", "serial_number = @S", new { S = first.Order.SerialNumber }));
        Assert.Equal(1, await intake.CountAsync("repeat_calls", "order_id = @O", new { O = first.Order.OrderId }));
        var linked = Assert.Single(await intake.OutboxAsync("RepeatCallLinked"), r => r.AggregateId == first.Order.OrderId);
        Assert.Equal(1, JsonDocument.Parse(linked.Body).RootElement.GetProperty("repeatCount").GetInt32());
    }

    [Fact]
    public async Task Complaint_call_is_handed_to_the_desk_without_an_order()
    {
        var order = (await intake.ClientAs().RegisterCallAsync(Requests.Repair())).Order;
        var before = await intake.CountAsync("service_orders");

        var reply = await intake.ClientAs().RegisterCallAsync(Requests.Complaint(order.CallerNumber, order.OrderNumber));

        Assert.True(reply.HandedToComplaints);
        Assert.Null(reply.Order);
        Assert.Equal(before, await intake.CountAsync("service_orders"));
        var handed = Assert.Single(await intake.OutboxAsync("ComplaintCallRegistered"), r => r.AggregateId == reply.CallRecordId);
        var body = JsonDocument.Parse(handed.Body).RootElement;
        Assert.Equal(order.OrderNumber, body.GetProperty("orderNumber").GetString());
        Assert.Equal("LateOrMissedVisit", body.GetProperty("category").GetString());
    }

    [Fact]
    public async Task ServiceOrderOpened_reaches_the_bus_through_the_outbox()
    {
        var reply = await intake.ClientAs().RegisterCallAsync(Requests.Repair());
        await Eventually.Until(async () => (await intake.OutboxAsync("ServiceOrderOpened"))
            .Single(r => r.AggregateId == reply.Order.OrderId).SentAt is not null, what: "the outbox row marked sent");
    }

    [Fact]
    public async Task RegisterCall_needs_an_agent_or_administrator()
    {
        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            intake.ClientAs(HotlineRoles.Engineer).RegisterCallAsync(Requests.Repair()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var anonymous = new IntakeService.IntakeServiceClient(intake.Host.Channel());
        var refused = await Assert.ThrowsAsync<RpcException>(() => anonymous.RegisterCallAsync(Requests.Repair()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }
}
