using Dapper;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Intake.Tests.Support;
using TclHotline.Messages.Dispatch;
using TclHotline.Testing;

namespace TclHotline.Intake.Tests.Functional;

/// <summary>
/// Orders keep their warranty decision, fee estimates and settlement as JSON of the domain's records. Orders stored
/// before that hold the gRPC contract's JSON (as Google.Protobuf wrote it); they read, re-estimate and settle as before.
/// </summary>
public sealed class StoredDecisionFormatTests(IntakeHostFixture fixture) : IClassFixture<IntakeHostFixture>
{
    private static readonly JsonFormatter ContractJson = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    private readonly IntakeHost intake = fixture.Intake;

    private Task<ServiceOrder> ReadAsync(ServiceOrder order) =>
        intake.ClientAs().GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = order.OrderNumber }).ResponseAsync;

    private Task<ServiceOrder> UntilAsync(ServiceOrder order, Func<ServiceOrder, bool> done, string what) =>
        Eventually.Until(() => ReadAsync(order), done, TimeSpan.FromSeconds(15), $"order {order.OrderNumber}: {what}");

    /// <summary>Writes the order's decisions back as the contract's JSON, as they were stored before the domain form.</summary>
    private async Task StoreInContractFormAsync(ServiceOrder order)
    {
        await using var c = await intake.Host.Services.GetRequiredService<IntakeDatabase>().OpenAsync();
        var id = Guid.Parse(order.OrderId);
        await c.ExecuteAsync("UPDATE service_orders SET warranty_decision = @Warranty, fee_estimate = @Fee, fee_settlement = @Settlement WHERE order_id = @Id",
            new
            {
                Id = id,
                Warranty = ContractJson.Format(order.Warranty),
                Fee = ContractJson.Format(order.Fee),
                Settlement = order.Settlement is null ? null : ContractJson.Format(order.Settlement),
            });
        foreach (var record in order.FeeHistory)
            await c.ExecuteAsync("UPDATE fee_estimates SET estimate = @Estimate WHERE order_id = @Id AND revision = @Revision",
                new { Id = id, record.Revision, Estimate = ContractJson.Format(record.Estimate) });
        var stored = await c.QuerySingleAsync<string>("SELECT warranty_decision FROM service_orders WHERE order_id = @Id", new { Id = id });
        Assert.Contains("\"asOf\"", stored, StringComparison.Ordinal);
    }

    private async Task<string> StoredWarrantyAsync(ServiceOrder order)
    {
        await using var c = await intake.Host.Services.GetRequiredService<IntakeDatabase>().OpenAsync();
        return await c.QuerySingleAsync<string>("SELECT warranty_decision FROM service_orders WHERE order_id = @Id", new { Id = Guid.Parse(order.OrderId) });
    }

    [Fact]
    public async Task New_orders_keep_their_decisions_as_domain_json_not_the_contracts()
    {
        var order = (await intake.ClientAs().RegisterCallAsync(Requests.Repair())).Order;

        var stored = await StoredWarrantyAsync(order);

        Assert.Contains("\"Coverage\":\"WholeUnit\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("WARRANTY_COVERAGE", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_settled_order_stored_in_the_contracts_json_reads_exactly_as_before()
    {
        var registered = (await intake.ClientAs().RegisterCallAsync(Requests.Repair())).Order;
        await DispatchEvents.PublishAsync(intake, new EngineerAssigned(Guid.Parse(registered.OrderId), Guid.NewGuid(), "E-7", "刘伟", "CS-YL",
            registered.BranchCode, Clock.Local(Call.Today, "14:00"), Clock.Local("2025-06-02"), "Auto", Clock.Local(Call.Today, "10:00"), 46m));
        await UntilAsync(registered, o => o.FeeHistory.Count == 2, "re-estimated");
        await DispatchEvents.CompleteVisitAsync(intake, registered, registered.SerialNumber);
        var expected = await ReadAsync(registered);
        Assert.NotNull(expected.Settlement);

        await StoreInContractFormAsync(expected);

        Assert.Equal(expected, await ReadAsync(registered));
    }

    [Fact]
    public async Task An_open_order_stored_in_the_contracts_json_is_reestimated_from_its_stored_warranty_decision()
    {
        // Out of warranty (whole unit ended 2025-01-10): base fee 50, travel counted once an outlet is chosen.
        var request = Requests.Repair();
        request.PurchaseDate = request.InvoiceDate = "2024-03-20";
        var registered = (await intake.ClientAs().RegisterCallAsync(request)).Order;
        await StoreInContractFormAsync(registered);
        Assert.Equal(registered, await ReadAsync(registered));

        await DispatchEvents.PublishAsync(intake, new EngineerAssigned(Guid.Parse(registered.OrderId), Guid.NewGuid(), "E-7", "刘伟", "CS-YL",
            registered.BranchCode, Clock.Local(Call.Today, "14:00"), Clock.Local("2025-06-02"), "Auto", Clock.Local(Call.Today, "10:00"), 46m));
        var assigned = await UntilAsync(registered, o => o.FeeHistory.Count == 2, "re-estimated");

        Assert.True(assigned.Fee.Chargeable);
        Assert.Equal((66L, 0), (assigned.Fee.Total.Units, assigned.Fee.Total.Nanos)); // 50 + (46 − 30) × 1
        Assert.Equal(registered.Fee, assigned.FeeHistory[0].Estimate);
    }

    [Fact]
    public async Task An_open_order_stored_in_the_contracts_json_is_settled_and_made_exchange_eligible_at_completion()
    {
        var registered = (await intake.ClientAs().RegisterCallAsync(Requests.Repair())).Order;
        Assert.False(registered.Warranty.ExchangeEligible);
        await StoreInContractFormAsync(registered);

        // Rule 9 amends the stored decision; the settlement is made against the stored estimate (free in warranty).
        await DispatchEvents.CompleteVisitAsync(intake, registered, registered.SerialNumber, daysInRepair: 31);
        var completed = await ReadAsync(registered);

        Assert.True(completed.Warranty.ExchangeEligible);
        Assert.Contains(Remedy.Exchange, completed.Warranty.Remedies);
        Assert.Equal(registered.Warranty.AsOf, completed.Warranty.AsOf);
        Assert.Equal((1, 0L), (completed.Settlement.EstimateRevision, completed.Settlement.Charged.Units));
        Assert.Contains("\"Coverage\"", await StoredWarrantyAsync(registered), StringComparison.Ordinal);
    }
}
