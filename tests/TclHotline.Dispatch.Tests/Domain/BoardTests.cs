using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Board;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;
using static TclHotline.Dispatch.Tests.Domain.ChinaTime;

namespace TclHotline.Dispatch.Tests.Domain;

public class BoardTests
{
    // Registered 10:00, due 10:00 the next day.
    private static readonly Commitment Urban = new CommitmentPolicy(new DispatchOptions()).Urban(At("2025-03-12 10:00"));

    [Theory]
    [InlineData("2025-03-12 12:00", "2025-03-13 09:00", null, false, CommitmentState.OnTrack)]
    // Half the span has passed: the first warning fraction.
    [InlineData("2025-03-12 21:59", "2025-03-13 09:00", null, false, CommitmentState.OnTrack)]
    [InlineData("2025-03-12 22:00", "2025-03-13 09:00", null, false, CommitmentState.Warned)]
    [InlineData("2025-03-12 12:00", null, null, false, CommitmentState.AtRisk)]
    [InlineData("2025-03-12 12:00", "2025-03-13 10:01", null, false, CommitmentState.AtRisk)]
    [InlineData("2025-03-12 12:00", "2025-03-13 09:00", null, true, CommitmentState.AtRisk)]
    [InlineData("2025-03-13 10:00", "2025-03-13 09:00", null, false, CommitmentState.Warned)]
    [InlineData("2025-03-13 10:01", "2025-03-13 09:00", null, false, CommitmentState.Breached)]
    // Arrival meets it, even exactly at the due time; a late arrival is a breach.
    [InlineData("2025-03-13 12:00", "2025-03-13 09:00", "2025-03-13 10:00", false, CommitmentState.Met)]
    [InlineData("2025-03-13 12:00", "2025-03-13 09:00", "2025-03-13 10:01", false, CommitmentState.Breached)]
    public void Rule02_commitment_state_for_the_board(string now, string? planned, string? arrived, bool escalated, CommitmentState expected)
    {
        var standing = new CommitmentStanding(new DispatchOptions());

        Assert.Equal(expected, standing.StateOf(Urban, new VisitProgress(MaybeAt(planned), MaybeAt(arrived), escalated), At(now)));
    }

    [Theory]
    [InlineData(0.8, "2025-03-13 05:11", CommitmentState.OnTrack)]
    [InlineData(0.8, "2025-03-13 05:12", CommitmentState.Warned)]
    public void Warning_threshold_comes_from_options(double fraction, string now, CommitmentState expected)
    {
        var standing = new CommitmentStanding(new DispatchOptions { WarningFractions = [fraction] });

        Assert.Equal(expected, standing.StateOf(Urban, new VisitProgress(At("2025-03-13 09:00"), null, false), At(now)));
    }

    [Theory]
    [InlineData("2025-03-12 12:00", 22 * 60)]
    [InlineData("2025-03-13 10:30", -30)]
    public void Time_left_counts_down_and_goes_negative_after_the_due_time(string now, int minutesLeft)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutesLeft), CommitmentStanding.TimeLeft(Urban, At(now)));
    }

    [Fact]
    public void Share_of_commitments_met_today_and_this_month_in_branch_time()
    {
        var clock = new BranchClock(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        KeptOrMissed[] commitments =
        [
            // Met today (arrival 00:30 local is today in Changsha, yesterday in UTC).
            new(At("2025-03-20 10:00"), At("2025-03-20 00:30")),
            // Missed today: due this morning, arrived late.
            new(At("2025-03-20 08:00"), At("2025-03-20 09:00")),
            // Met earlier this month.
            new(At("2025-03-05 10:00"), At("2025-03-05 09:00")),
            // Missed earlier this month, nobody came.
            new(At("2025-03-06 10:00"), null),
            // Last month: not counted.
            new(At("2025-02-28 10:00"), At("2025-02-28 09:00")),
            // Still open and due later: not decided yet.
            new(At("2025-03-20 18:00"), null),
        ];

        var (today, month) = CommitmentShare.Of(commitments, clock, At("2025-03-20 12:00"));

        Assert.Equal((new MetShare(1, 2), new MetShare(2, 4)), (today, month));
        Assert.Equal(0.5, today.Fraction);
        Assert.Null(new MetShare(0, 0).Fraction);
    }
}
