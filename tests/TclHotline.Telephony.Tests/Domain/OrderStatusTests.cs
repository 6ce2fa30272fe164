using TclHotline.Telephony.Domain;
using IntakeStatus = TclHotline.Grpc.Intake.V1.OrderStatus;

namespace TclHotline.Telephony.Tests.Domain;

public sealed class OrderStatusTests
{
    [Theory]
    [InlineData(false, false, IntakeStatus.Completed)]
    [InlineData(true, false, IntakeStatus.Completed)]
    [InlineData(false, true, IntakeStatus.Completed)]
    [InlineData(true, true, IntakeStatus.AwaitingExchange)]
    public void A_visit_completes_the_order_unless_its_panel_awaits_an_exchange(bool unrepairable, bool noLongerSupplied, IntakeStatus expected)
    {
        Assert.Equal(expected, OrderStatus.AfterVisit(unrepairable, noLongerSupplied));
        Assert.Equal(expected == IntakeStatus.AwaitingExchange, OrderStatus.IsOpen(expected));
    }

    [Theory]
    [InlineData(IntakeStatus.Assigned, "ORDER_STATUS_ASSIGNED")]
    [InlineData(IntakeStatus.EngineerArrived, "ORDER_STATUS_ENGINEER_ARRIVED")]
    [InlineData(IntakeStatus.AwaitingExchange, "ORDER_STATUS_AWAITING_EXCHANGE")]
    public void A_status_is_shown_by_the_intake_contracts_name(IntakeStatus status, string word) =>
        Assert.Equal(word, OrderStatus.Word(status));
}
