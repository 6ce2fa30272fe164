using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Tests.Domain;

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
