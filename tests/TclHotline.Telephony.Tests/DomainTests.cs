using TclHotline.Telephony.Domain;
using IntakeStatus = TclHotline.Grpc.Intake.V1.OrderStatus;

namespace TclHotline.Telephony.Tests;

public sealed class CallStatesTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false, false, false, CallState.Offered)]
    [InlineData(true, false, false, CallState.Answered)]
    [InlineData(true, true, false, CallState.Ended)]
    [InlineData(false, true, false, CallState.Ended)]   // ended heard before its answer
    [InlineData(false, false, true, CallState.Abandoned)]
    [InlineData(false, true, true, CallState.Abandoned)]
    public void A_calls_state_follows_from_the_events_it_has_had_in_any_order(bool answered, bool ended, bool abandoned, CallState expected) =>
        Assert.Equal(expected, CallStates.From(answered ? T : null, ended ? T : null, abandoned ? T : null));
}

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("008613800138000", "13800138000")]
    [InlineData("0755-86001234", "075586001234")]
    [InlineData("86001234", "86001234")]          // a local number starting 86 keeps its digits
    [InlineData("", "")]
    [InlineData(null, "")]
    public void The_pbx_number_and_intakes_number_meet_in_one_form(string? number, string expected) =>
        Assert.Equal(expected, PhoneNumber.Normalize(number));
}

public sealed class CallbackPolicyTests
{
    private static readonly CallbackPolicy Defaults = new(new TelephonyOptions());

    [Theory]
    [InlineData(5, true, CallbackReason.OpenOrder)]
    [InlineData(120, true, CallbackReason.OpenOrder)]
    [InlineData(61, false, CallbackReason.LongWait)]
    [InlineData(60, false, null)]
    [InlineData(0, false, null)]
    public void Abandoned_callers_with_an_open_order_or_a_wait_over_the_limit_are_called_back(int waitSeconds, bool openOrder, CallbackReason? expected) =>
        Assert.Equal(expected, Defaults.Decide(TimeSpan.FromSeconds(waitSeconds), openOrder));

    [Fact]
    public void The_wait_limit_and_the_due_time_come_from_configuration()
    {
        var policy = new CallbackPolicy(new TelephonyOptions { CallbackAfterWait = TimeSpan.FromSeconds(30), CallbackDue = TimeSpan.FromMinutes(45) });
        var abandonedAt = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(CallbackReason.LongWait, policy.Decide(TimeSpan.FromSeconds(31), false));
        Assert.Equal(abandonedAt.AddMinutes(45), policy.DueAt(abandonedAt));
    }

    [Fact]
    public void The_documented_defaults()
    {
        var options = new TelephonyOptions();
        Assert.Equal(TimeSpan.FromSeconds(60), options.CallbackAfterWait);
        Assert.Equal(TimeSpan.FromHours(2), options.CallbackDue);
        Assert.Null(options.ConnectorSecret);
    }
}

public sealed class ConnectorSecretTests
{
    [Theory]
    [InlineData("s3cret-value", "s3cret-value", true)]
    [InlineData("s3cret-value", "s3cret-valuE", false)]
    [InlineData("s3cret-value", "s3cret-value ", false)]
    [InlineData("s3cret-value", "", false)]
    [InlineData("s3cret-value", null, false)]
    [InlineData(null, "anything", false)]   // no secret configured: nothing gets in
    [InlineData("", "", false)]
    public void Only_the_configured_secret_matches(string? configured, string? presented, bool expected) =>
        Assert.Equal(expected, ConnectorSecret.Matches(configured, presented));
}

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
