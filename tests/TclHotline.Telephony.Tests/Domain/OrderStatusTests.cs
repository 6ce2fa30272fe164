using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Tests.Domain;

public sealed class OrderStatusTests
{
    [Theory]
    [InlineData(true, false, OrderStatus.Closed)]
    [InlineData(false, true, OrderStatus.Closed)]
    [InlineData(false, false, OrderStatus.AwaitingRevisit)]
    public void A_visit_closes_the_order_only_when_repaired_or_declined(bool repaired, bool declined, string expected)
    {
        Assert.Equal(expected, OrderStatus.AfterVisit(repaired, declined));
        Assert.Equal(expected != OrderStatus.Closed, OrderStatus.IsOpen(expected));
    }
}
