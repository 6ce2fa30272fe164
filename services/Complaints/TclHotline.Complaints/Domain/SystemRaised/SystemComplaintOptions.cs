namespace TclHotline.Complaints.Domain.SystemRaised;

/// <summary>Rule 21: when chasing an open order raises a complaint by itself.</summary>
public sealed class SystemComplaintOptions
{
    /// <summary>This many repeat calls about one order within <see cref="RepeatCallWindow"/> raise a complaint.</summary>
    public int RepeatCallsToRaise { get; set; } = 3;

    public TimeSpan RepeatCallWindow { get; set; } = TimeSpan.FromHours(24);
}
