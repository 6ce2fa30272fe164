using TclHotline.Grpc.Intake.V1;
using TclHotline.Grpc.Returns.V1;
using TclHotline.Intake;
using TclHotline.Messages.Dispatch;
using TclHotline.Returns.Tests.Support;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using IntakeStatus = TclHotline.Grpc.Intake.V1.OrderStatus;

namespace TclHotline.Returns.Tests.Broker;

/// <summary>
/// The distributed mode: intake and the returns service as two hosts with their own databases, every message
/// between them through a real RabbitMQ broker.
/// </summary>
[Collection(RabbitMqFixture.Collection)]
public sealed class OverRabbitMqTests(RabbitMqFixture fixture)
{
    [RabbitMqFact]
    public async Task Rule18_and_rule17_intake_opens_the_pre_sale_order_and_completes_the_exchanged_order_over_the_broker()
    {
        var returns = new ReturnsHost { ExtraSettings = fixture.Broker.Configuration };
        await returns.InitializeAsync();
        await using var intakeHost = await TestHost.StartAsync([new IntakeModule()],
            settings: fixture.Broker.Configuration, clock: TestClock.Create());
        try
        {
            var intake = new IntakeService.IntakeServiceClient(intakeHost.ChannelAs(HotlineRoles.Agent, ReturnsHost.Changsha));

            // Rule 18: the report crosses to intake, the opened order comes back.
            var report = await returns.Dealer(ReturnsHost.Gome).ReportPreSaleUnitAsync(new ReportPreSaleUnitRequest
            {
                DealerCode = ReturnsHost.Gome, SerialNumber = ReturnsHost.NewSerial(), ProductModel = "55C8K", Finding = Finding.CrackedPanel,
            });
            var linked = await Eventually.Until(
                () => returns.Staff().GetPreSaleReportAsync(new GetPreSaleReportRequest { ReportId = report.ReportId }).ResponseAsync,
                r => r.OrderNumber != "", TimeSpan.FromSeconds(60), "the pre-sale order to be opened and linked over the broker");
            var preSale = await intake.GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = linked.OrderNumber });
            Assert.Equal(TclHotline.Grpc.Intake.V1.OrderType.PreSaleRepair, preSale.OrderType);

            // Rule 17: the visit finds the panel gone; the offer crosses to returns, the settlement back to intake.
            var order = (await intake.RegisterCallAsync(IntakeCalls.Repair("55P71C2403" + ReturnsHost.NewSerial(), "2024-05-10"))).Order;
            await returns.PublishAsync(new VisitCompleted(Guid.Parse(order.OrderId), Guid.NewGuid(), "E-7", order.BranchCode, order.SerialNumber,
                returns.Clock.GetUtcNow(), false, false, "屏内部断线", [], [], 0m, 0, 0, PanelUnrepairable: true, PanelNoLongerSupplied: true));
            var staff = returns.Staff();
            await Eventually.Until(async () => (await staff.GetPanelExchangeAsync(new GetPanelExchangeRequest { OrderId = order.OrderId })
                    .ResponseAsync.ContinueWith(t => t.IsCompletedSuccessfully)),
                TimeSpan.FromSeconds(60), "the offer to reach the returns service over the broker");
            await staff.ChooseExchangeAsync(new ChooseExchangeRequest
            {
                OrderId = order.OrderId, Choice = ExchangeChoice.Depreciation, PurchasePrice = "3999.00", PurchasedOn = "2024-05-10",
            });
            foreach (var step in new[] { ExchangeStep.NewUnitHandedOver, ExchangeStep.OldUnitTakenBack, ExchangeStep.OldUnitScrapped, ExchangeStep.PanelReturned })
                await staff.AdvanceExchangeAsync(new AdvanceExchangeRequest { OrderId = order.OrderId, Step = step });

            await Eventually.Until(() => intake.GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = order.OrderNumber }).ResponseAsync,
                o => o.Status == IntakeStatus.Completed, TimeSpan.FromSeconds(60), "intake to complete the exchanged order over the broker");
        }
        finally
        {
            await returns.DisposeAsync();
        }
    }
}
