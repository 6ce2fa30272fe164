using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Tests.Domain;

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
