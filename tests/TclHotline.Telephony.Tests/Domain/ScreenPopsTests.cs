using TclHotline.Telephony.Application;
using TclHotline.Telephony.Data;
using IntakeStatus = TclHotline.Grpc.Intake.V1.OrderStatus;

namespace TclHotline.Telephony.Tests.Domain;

public sealed class ScreenPopsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
    private static readonly CallRow Call = new() { CallId = "c1", CallerNumber = "+8613800138000", Queue = "repair", AnsweredAt = Now };

    private static OrderRow Order(string serial, IntakeStatus status, int hoursAgo, bool eligible = false, int? dueInHours = null) => new()
    {
        OrderId = Guid.NewGuid(), OrderNumber = "SO-" + serial, BranchCode = "SZ", CustomerPhone = "13800138000", CustomerName = "Wang",
        SerialNumber = serial, ProductModel = "65C735", ExchangeEligible = eligible, Status = status,
        RegisteredAt = Now.AddHours(-hoursAgo), CommitmentDue = dueInHours is { } h ? Now.AddHours(h) : null,
    };

    [Fact]
    public void Shows_open_orders_with_their_commitment_time_left_even_when_missed()
    {
        var pop = ScreenPops.From(Call, new CustomerRow { Phone = "13800138000", Name = "Wang" },
            [Order("A", IntakeStatus.Assigned, 10, dueInHours: 14), Order("B", IntakeStatus.Open, 30, dueInHours: -6), Order("C", IntakeStatus.Completed, 100)], Now, openOrdersShown: 20);

        Assert.Equal("Wang", pop.Customer.Name);
        Assert.Equal(["A", "B"], pop.OpenOrders.Select(o => o.SerialNumber));
        Assert.Equal(TimeSpan.FromHours(14), pop.OpenOrders[0].CommitmentTimeLeft.ToTimeSpan());
        Assert.Equal(TimeSpan.FromHours(-6), pop.OpenOrders[1].CommitmentTimeLeft.ToTimeSpan());
        Assert.Equal(3, pop.Units.Count);
    }

    [Fact]
    public void Lists_each_unit_once_as_its_latest_order_describes_it_and_flags_exchange_eligibility()
    {
        var pop = ScreenPops.From(Call, null, [Order("A", IntakeStatus.Completed, 300, eligible: false), Order("A", IntakeStatus.Open, 2, eligible: true)], Now, openOrdersShown: 20);
        var unit = Assert.Single(pop.Units);
        Assert.True(unit.ExchangeEligible);
        Assert.True(pop.ExchangeEligible);
        Assert.Equal("Wang", pop.Customer.Name);   // from the orders when the customer row is missing
        Assert.Null(Assert.Single(pop.OpenOrders).CommitmentTimeLeft);
    }

    [Fact]
    public void Shows_at_most_the_configured_open_orders_newest_first_and_says_there_are_more()
    {
        IReadOnlyList<OrderRow> orders = [Order("A", IntakeStatus.Open, 30), Order("B", IntakeStatus.Assigned, 20), Order("C", IntakeStatus.Open, 10)];

        var capped = ScreenPops.From(Call, null, orders, Now, openOrdersShown: 2);
        Assert.Equal(["C", "B"], capped.OpenOrders.Select(o => o.SerialNumber));
        Assert.True(capped.MoreOpenOrders);

        var all = ScreenPops.From(Call, null, orders, Now, openOrdersShown: 3);
        Assert.Equal(3, all.OpenOrders.Count);
        Assert.False(all.MoreOpenOrders);
    }

    [Fact]
    public void An_unknown_caller_pops_with_no_customer()
    {
        var pop = ScreenPops.From(Call, null, [], Now, openOrdersShown: 20);
        Assert.Null(pop.Customer);
        Assert.Empty(pop.Units);
        Assert.False(pop.ExchangeEligible);
        Assert.Equal("c1", pop.CallId);
    }
}
