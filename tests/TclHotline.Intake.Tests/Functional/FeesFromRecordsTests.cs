using System.Text.Json;
using Grpc.Core;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Intake.Tests.Support;
using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Intake.Tests.Functional;

/// <summary>
/// Fees and warranty from the real records, through the bus and gRPC: dispatch's events re-estimate the order,
/// every estimate is kept, the completion is settled against the last one, and its facts decide the warranty.
/// </summary>
public sealed class FeesFromRecordsTests(IntakeHostFixture fixture) : IClassFixture<IntakeHostFixture>
{
    private const string Branch = "CS";
    private readonly IntakeHost intake = fixture.Intake;

    /// <summary>A repair out of warranty (whole unit ended 2025-01-10, a picture fault is not a main part): base fee 50.</summary>
    private async Task<ServiceOrder> OutOfWarrantyAsync(string? serial = null)
    {
        var request = Requests.Repair(serial: serial);
        request.PurchaseDate = request.InvoiceDate = "2024-03-20";
        var order = (await intake.ClientAs().RegisterCallAsync(request)).Order;
        Assert.True(order.Fee.Chargeable);
        return order;
    }

    private async Task<ServiceOrder> InWarrantyAsync(string? serial = null) =>
        (await intake.ClientAs().RegisterCallAsync(Requests.Repair(serial: serial))).Order;

    private Task<ServiceOrder> ReadAsync(ServiceOrder order) =>
        intake.ClientAs().GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = order.OrderNumber }).ResponseAsync;

    private Task<ServiceOrder> UntilAsync(ServiceOrder order, Func<ServiceOrder, bool> done, string what) =>
        Eventually.Until(() => ReadAsync(order), done, TimeSpan.FromSeconds(15), $"order {order.OrderNumber}: {what}");

    private Task AssignAsync(ServiceOrder order, string outlet, decimal km, string engineer = "E-7", string assignedAt = "10:00") =>
        DispatchEvents.PublishAsync(intake, new EngineerAssigned(Guid.Parse(order.OrderId), Guid.NewGuid(), engineer, "刘伟", outlet,
            order.BranchCode, Clock.Local(Call.Today, "14:00"), Clock.Local("2025-06-02"), "Auto",
            Clock.Local(Call.Today, assignedAt), km));

    private Task BookAsync(ServiceOrder order, string start, string cause, decimal km = 4.5m) =>
        DispatchEvents.PublishAsync(intake, new AppointmentBooked(Guid.Parse(order.OrderId), Guid.NewGuid(), "E-7", order.BranchCode,
            Clock.Local("2025-06-02", start), Clock.Local("2025-06-02", start).AddHours(2), cause, Clock.Local(Call.Today), "CS-FR", km));

    private static VisitCompleted Completion(ServiceOrder order, decimal fee, bool declined = false, string? serial = null,
        int daysInRepair = 0, string? reason = null, IReadOnlyList<string>? extraParts = null, string? exclusion = null,
        bool panelGone = false) =>
        new(Guid.Parse(order.OrderId), Guid.NewGuid(), "E-7", order.BranchCode, serial ?? order.SerialNumber,
            Clock.Local(Call.Today, "16:00"), !declined, declined, "T-CON board", declined ? [] : ["T-CON"], [], fee, daysInRepair, 0,
            null, reason, extraParts, exclusion, panelGone, panelGone);

    private Task<ServiceOrder> CompleteAsync(ServiceOrder order, VisitCompleted completion, OrderStatus status = OrderStatus.Completed) =>
        DispatchEvents.PublishAsync(intake, completion)
            .ContinueWith(_ => UntilAsync(order, o => o.Status == status, status.ToString())).Unwrap();

    private static decimal Yuan(Money money) => money.Units + money.Nanos / 1_000_000_000m;

    [Fact]
    public async Task Rule15_the_estimate_includes_travel_from_the_assigned_outlet_and_a_new_outlet_reestimates()
    {
        var order = await OutOfWarrantyAsync();
        Assert.False(order.Fee.TravelIncluded);
        Assert.Equal(50m, Yuan(order.Fee.Total));

        await AssignAsync(order, "CS-YL", 46m);
        var assigned = await UntilAsync(order, o => o.Fee.TravelIncluded, "travel estimated");
        Assert.Equal(66m, Yuan(assigned.Fee.Total)); // 50 + (46 − 30) × 1
        Assert.Contains(assigned.Fee.Lines, l => l.Kind == FeeLineKind.Travel && Yuan(l.Amount) == 16m && l.Rule == 15);
        Assert.Contains(15, assigned.Fee.RulesApplied);
        Assert.Equal("CS-YL", assigned.OutletId);

        await AssignAsync(order, "CS-FR", 4.5m);
        var nearer = await UntilAsync(order, o => o.Fee.Lines.All(l => l.Kind != FeeLineKind.Travel) && o.FeeHistory.Count == 3, "re-estimated");
        Assert.Equal(50m, Yuan(nearer.Fee.Total));
        Assert.True(nearer.Fee.TravelIncluded);

        // The screen pop shows the current estimate.
        var pop = await intake.ClientAs().LookupCallerAsync(new LookupCallerRequest { CallerNumber = order.CallerNumber });
        Assert.Equal(nearer.Fee, Assert.Single(pop.OpenOrders).Fee);
        var published = (await intake.OutboxAsync("FeeEstimated")).Where(r => r.AggregateId == order.OrderId).ToList();
        Assert.Equal([1, 2, 3], published.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("revision").GetInt32()));
    }

    [Fact]
    public async Task Rule15_an_older_assignment_arriving_late_does_not_replace_the_newer_outlet()
    {
        var order = await OutOfWarrantyAsync();
        await AssignAsync(order, "CS-YL", 46m, assignedAt: "11:00");
        await UntilAsync(order, o => o.Fee.TravelIncluded, "travel estimated");

        await AssignAsync(order, "CS-FR", 4.5m, assignedAt: "10:30");
        await UntilAsync(order, o => o.Status == OrderStatus.Assigned, "assigned");
        await Task.Delay(TimeSpan.FromSeconds(1));

        var kept = await ReadAsync(order);
        Assert.Equal("CS-YL", kept.OutletId);
        Assert.Equal(66m, Yuan(kept.Fee.Total));
        Assert.Equal(2, kept.FeeHistory.Count);
    }

    [Fact]
    public async Task Rule13_every_estimate_given_is_kept_in_order_with_its_instant_and_cause()
    {
        var order = await OutOfWarrantyAsync();
        await AssignAsync(order, "CS-YL", 46m);
        await UntilAsync(order, o => o.FeeHistory.Count == 2, "assigned estimate kept");
        await BookAsync(order, "22:00", "CustomerRequested", 46m);
        var moved = await UntilAsync(order, o => o.FeeHistory.Count == 3, "moved estimate kept");

        Assert.Equal(["REGISTERED", "ASSIGNED", "APPOINTMENT_BOOKED"], moved.FeeHistory.Select(h => h.Cause));
        Assert.Equal([1, 2, 3], moved.FeeHistory.Select(h => h.Revision));
        Assert.Equal([50m, 66m, 91m], moved.FeeHistory.Select(h => Yuan(h.Estimate.Total)));
        Assert.True(moved.FeeHistory.Zip(moved.FeeHistory.Skip(1)).All(p => p.First.EstimatedAt.ToDateTimeOffset() < p.Second.EstimatedAt.ToDateTimeOffset()));
        Assert.Equal(moved.Fee, moved.FeeHistory[^1].Estimate);
    }

    [Fact]
    public async Task Rule16_the_night_surcharge_follows_the_customers_visit_time()
    {
        var order = await OutOfWarrantyAsync();
        await BookAsync(order, "22:00", "CustomerRequested");
        var night = await UntilAsync(order, o => o.Fee.Lines.Any(l => l.Kind == FeeLineKind.NightSurcharge), "night surcharge");
        Assert.Equal(75m, Yuan(night.Fee.Total)); // 50 + 50 %
        Assert.Contains(16, night.Fee.RulesApplied);

        await BookAsync(order, "10:00", "CustomerRequested");
        var day = await UntilAsync(order, o => o.FeeHistory.Count == 3, "moved out of the night");
        Assert.Equal(50m, Yuan(day.Fee.Total));
        Assert.DoesNotContain(16, day.Fee.RulesApplied);

        // The outlet's own move into the night is not the customer's request: no surcharge, no new estimate.
        await BookAsync(order, "23:00", "OutletRescheduled");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var kept = await ReadAsync(order);
        Assert.Equal(3, kept.FeeHistory.Count);
        Assert.Equal(50m, Yuan(kept.Fee.Total));
    }

    [Fact]
    public async Task Rule13_the_completion_is_settled_against_the_last_estimate()
    {
        var order = await OutOfWarrantyAsync();
        await AssignAsync(order, "CS-YL", 46m);
        await UntilAsync(order, o => o.Fee.TravelIncluded, "travel estimated");

        var settled = await CompleteAsync(order, Completion(order, 80m, reason: "the power board failed too", extraParts: ["power board"]));

        var s = settled.Settlement;
        Assert.Equal(80m, Yuan(s.Charged));
        Assert.Equal(14m, Yuan(s.Difference));
        Assert.Equal(2, s.EstimateRevision);
        Assert.Equal("the power board failed too", s.ChargeReason);
        Assert.Equal(["power board"], s.ExtraParts);
        Assert.Equal(80m, s.Lines.Sum(l => Yuan(l.Amount)));
        Assert.Contains(s.Lines, l => l.Kind == FeeLineKind.Extra && Yuan(l.Amount) == 14m);
        Assert.Contains(13, s.RulesApplied);
    }

    [Fact]
    public async Task Rule14_a_declined_repair_settles_at_zero()
    {
        var order = await OutOfWarrantyAsync();
        await AssignAsync(order, "CS-YL", 46m);
        await UntilAsync(order, o => o.Fee.TravelIncluded, "travel estimated");

        var settled = await CompleteAsync(order, Completion(order, 0m, declined: true));

        Assert.Equal(0m, Yuan(settled.Settlement.Charged));
        Assert.Equal(-66m, Yuan(settled.Settlement.Difference));
        Assert.Equal([14], settled.Settlement.RulesApplied);
        Assert.Empty(settled.Settlement.Lines);
    }

    [Fact]
    public async Task Rule13_an_in_warranty_repair_is_free_unless_a_documented_exclusion_is_recorded()
    {
        var free = await InWarrantyAsync();
        Assert.False(free.Fee.Chargeable);
        var settledFree = await CompleteAsync(free, Completion(free, 0m));
        Assert.Equal(0m, Yuan(settledFree.Settlement.Charged));

        var damaged = await InWarrantyAsync();
        var settled = await CompleteAsync(damaged, Completion(damaged, 120m, exclusion: "UserDamage"));
        Assert.Equal(120m, Yuan(settled.Settlement.Charged));
        Assert.Equal("USER_DAMAGE", settled.Settlement.WarrantyExclusion);
        Assert.Contains("人为损坏", settled.Settlement.Reason);
    }

    [Fact]
    public async Task Rule17_an_unrepairable_panel_no_longer_supplied_carries_both_exchange_offers_and_is_published()
    {
        var order = await InWarrantyAsync();
        // The order stays open until the returns service reports the exchange settled.
        var completed = await CompleteAsync(order, Completion(order, 0m, panelGone: true), OrderStatus.AwaitingExchange);

        Assert.Equal([PanelExchangeOffer.DepreciationExchange, PanelExchangeOffer.TopUpExchange], completed.PanelExchangeOffers);
        var offered = Assert.Single(await intake.OutboxAsync("PanelExchangeOffered"), r => r.AggregateId == order.OrderId);
        var offers = JsonDocument.Parse(offered.Body).RootElement.GetProperty("offers").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(["DepreciationExchange", "TopUpExchange"], offers);

        var repaired = await InWarrantyAsync();
        Assert.Empty((await CompleteAsync(repaired, Completion(repaired, 0m))).PanelExchangeOffers);
    }

    [Fact]
    public async Task Rule09_a_repair_over_30_days_makes_the_unit_exchange_eligible_at_completion()
    {
        var order = await InWarrantyAsync();
        Assert.False(order.Warranty.ExchangeEligible);

        var completed = await CompleteAsync(order, Completion(order, 0m, daysInRepair: 31));

        Assert.True(completed.Warranty.ExchangeEligible);
        Assert.Contains(9, completed.Warranty.RulesApplied);
        Assert.Contains(Remedy.Exchange, completed.Warranty.Remedies);
        Assert.Single(await intake.OutboxAsync("ExchangeEligibilityDecided"), r => r.AggregateId == order.OrderId);
        var pop = await intake.ClientAs().LookupCallerAsync(new LookupCallerRequest { CallerNumber = order.CallerNumber });
        Assert.True(Assert.Single(pop.Units).Warranty.ExchangeEligible);

        var quick = await InWarrantyAsync();
        var notSlow = await CompleteAsync(quick, Completion(quick, 0m, daysInRepair: 30));
        Assert.False(notSlow.Warranty.ExchangeEligible);
    }

    [Fact]
    public async Task Rule08_cancelled_orders_and_visits_without_a_repair_do_not_count()
    {
        var serial = Requests.Serial();
        var phone = Requests.Phone();
        var cancelled = (await intake.ClientAs().RegisterCallAsync(Requests.Repair(phone, serial))).Order;
        await intake.ClientAs().CancelServiceOrderAsync(new CancelServiceOrderRequest { OrderNumber = cancelled.OrderNumber, Reason = "fixed by phone" });
        var declined = (await intake.ClientAs().RegisterCallAsync(Requests.Repair(phone, serial))).Order;
        await CompleteAsync(declined, Completion(declined, 0m, declined: true));

        var third = (await intake.ClientAs().RegisterCallAsync(Requests.Repair(phone, serial))).Order;

        Assert.False(third.Warranty.ExchangeEligible);
        Assert.Equal(1, third.Warranty.FaultReportsInPeriod);
    }

    [Fact]
    public async Task Rule10_completing_a_hotline_installation_starts_the_units_warranty_without_the_agent_ticking()
    {
        var install = Requests.OfType(OrderType.Installation);
        install.PurchaseDate = install.InvoiceDate = "2025-05-20";
        var order = (await intake.ClientAs().RegisterCallAsync(install)).Order;
        await CompleteAsync(order, Completion(order, 0m));

        var later = Requests.Repair(order.CallerNumber, order.SerialNumber);
        later.PurchaseDate = later.InvoiceDate = "2025-05-20";
        later.InstalledThroughHotline = false;
        later.InstallationDate = "";
        var repair = (await intake.ClientAs().RegisterCallAsync(later)).Order;

        Assert.Equal(WarrantyStartBasis.Installation, repair.Warranty.StartBasis);
        Assert.Equal(Call.Today, repair.Warranty.StartDate);
        Assert.Contains(10, repair.Warranty.RulesApplied);
    }

    [Fact]
    public async Task Rule05_a_serial_found_on_site_that_differs_is_a_discrepancy_and_never_another_units_history()
    {
        var order = await InWarrantyAsync();
        var other = Requests.Serial();

        var completed = await CompleteAsync(order, Completion(order, 0m, serial: other, daysInRepair: 5));

        Assert.Equal(other, completed.SerialFoundOnSite);
        Assert.Equal(0, await intake.CountAsync("repair_history", "serial_number = @S", new { S = other }));
        Assert.Equal(1, await intake.CountAsync("repair_history", "serial_number = @S", new { S = order.SerialNumber }));
        var next = (await intake.ClientAs().RegisterCallAsync(Requests.Repair(order.CallerNumber, order.SerialNumber))).Order;
        Assert.Equal(5, next.Warranty.WholeUnitExtensionDays);
    }

    /// <summary>An invoice dated before the serial's production month, March 2025 (rule 12), still in warranty.</summary>
    private async Task<ServiceOrder> SuspiciousAsync()
    {
        var request = Requests.Repair();
        request.SerialNumber = "55P71C2503" + Requests.Unique("S");
        request.PurchaseDate = "";
        request.InvoiceDate = "2025-02-01";
        var order = (await intake.ClientAs().RegisterCallAsync(request)).Order;
        Assert.True(order.Warranty.InvoiceNeedsVerification);
        Assert.True(order.Warranty.InWarranty);
        return order;
    }

    [Fact]
    public async Task Rule12_a_suspicious_invoice_is_pending_verification_and_the_estimate_provisional()
    {
        var order = await SuspiciousAsync();

        Assert.True(order.Fee.Provisional);
        Assert.Equal(InvoiceVerificationState.Pending, order.InvoiceVerification.State);
        var pending = await intake.ClientAs(HotlineRoles.ServiceDirector, Branch)
            .ListPendingInvoiceVerificationsAsync(new ListPendingInvoiceVerificationsRequest());
        Assert.Contains(pending.Orders, o => o.OrderNumber == order.OrderNumber);
    }

    [Fact]
    public async Task Rule12_a_false_invoice_loses_free_service_and_the_engineer_sees_the_chargeable_estimate()
    {
        var order = await SuspiciousAsync();
        Assert.False(order.Fee.Chargeable);
        await AssignAsync(order, "CS-FR", 4.5m, engineer: "E-12");
        await UntilAsync(order, o => o.Status == OrderStatus.Assigned, "assigned");

        var verified = await intake.ClientAs(HotlineRoles.Dispatcher, Branch).RecordInvoiceVerificationAsync(new RecordInvoiceVerificationRequest
        {
            OrderNumber = order.OrderNumber, Genuine = false, Reason = "The shop has no sale of this serial on that date.",
        });

        Assert.Equal(InvoiceVerificationState.False, verified.InvoiceVerification.State);
        Assert.True(verified.Fee.Chargeable);
        Assert.False(verified.Fee.Provisional);
        Assert.Contains("The shop has no sale of this serial on that date.", verified.Fee.Reason);
        Assert.Equal("INVOICE_VERIFIED", verified.FeeHistory[^1].Cause);
        Assert.Equal(1, await intake.CountAsync("audit_log", "action = 'service-order.verify-invoice' AND subject_id = @Id", new { Id = order.OrderId }));
        var engineerView = await new IntakeService.IntakeServiceClient(intake.Host.ChannelAs(HotlineRoles.Engineer, Branch, "E-12"))
            .GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = order.OrderNumber });
        Assert.True(engineerView.Fee.Chargeable);
        Assert.DoesNotContain((await intake.ClientAs(HotlineRoles.ServiceDirector, Branch)
            .ListPendingInvoiceVerificationsAsync(new ListPendingInvoiceVerificationsRequest())).Orders, o => o.OrderNumber == order.OrderNumber);
    }

    [Fact]
    public async Task Rule12_a_genuine_invoice_clears_the_flag()
    {
        var order = await SuspiciousAsync();
        var verified = await intake.ClientAs(HotlineRoles.ServiceDirector, Branch).RecordInvoiceVerificationAsync(new RecordInvoiceVerificationRequest
        {
            OrderNumber = order.OrderNumber, Genuine = true, Reason = "Checked with the shop's sales ledger.",
        });
        Assert.Equal(InvoiceVerificationState.Genuine, verified.InvoiceVerification.State);
        Assert.False(verified.Fee.Provisional);
        Assert.False(verified.Fee.Chargeable);
    }

    [Fact]
    public async Task Rule12_verification_by_another_branch_or_without_a_reason_is_refused_and_stores_nothing()
    {
        var order = await SuspiciousAsync();
        var otherBranch = await Assert.ThrowsAsync<RpcException>(() => intake.ClientAs(HotlineRoles.ServiceDirector, "BR-42")
            .RecordInvoiceVerificationAsync(new RecordInvoiceVerificationRequest { OrderNumber = order.OrderNumber, Genuine = false, Reason = "x" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, otherBranch.StatusCode);
        var noReason = await Assert.ThrowsAsync<RpcException>(() => intake.ClientAs(HotlineRoles.ServiceDirector, Branch)
            .RecordInvoiceVerificationAsync(new RecordInvoiceVerificationRequest { OrderNumber = order.OrderNumber, Genuine = false }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Contains("reason", noReason.Status.Detail);
        var agent = await Assert.ThrowsAsync<RpcException>(() => intake.ClientAs()
            .RecordInvoiceVerificationAsync(new RecordInvoiceVerificationRequest { OrderNumber = order.OrderNumber, Genuine = true, Reason = "x" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, agent.StatusCode);

        var after = await ReadAsync(order);
        Assert.Equal(InvoiceVerificationState.Pending, after.InvoiceVerification.State);
        Assert.Single(after.FeeHistory);
    }

    [Fact]
    public async Task Engineers_read_only_the_order_they_are_assigned_to_within_their_branch()
    {
        var order = await OutOfWarrantyAsync();
        await AssignAsync(order, "CS-YL", 46m, engineer: "E-21");
        await UntilAsync(order, o => o.Status == OrderStatus.Assigned, "assigned");

        IntakeService.IntakeServiceClient Engineer(string id, string branch = Branch) => new(intake.Host.ChannelAs(HotlineRoles.Engineer, branch, id));
        var request = new GetServiceOrderRequest { OrderNumber = order.OrderNumber };
        var seen = await Engineer("E-21").GetServiceOrderAsync(request);
        Assert.Equal(66m, Yuan(seen.Fee.Total));
        Assert.Equal(order.StreetAddress, seen.StreetAddress);
        Assert.NotNull(seen.Warranty);

        foreach (var refused in new[] { Engineer("E-22"), Engineer("E-21", "BR-42") })
            Assert.Equal(StatusCode.PermissionDenied,
                (await Assert.ThrowsAsync<RpcException>(() => refused.GetServiceOrderAsync(request).ResponseAsync)).StatusCode);
        var list = await Assert.ThrowsAsync<RpcException>(() => Engineer("E-21").ListServiceOrdersAsync(new ListServiceOrdersRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
        var pop = await Assert.ThrowsAsync<RpcException>(() => Engineer("E-21")
            .LookupCallerAsync(new LookupCallerRequest { CallerNumber = order.CallerNumber }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, pop.StatusCode);
    }
}
