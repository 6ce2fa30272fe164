using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Intake;

/// <summary>The intake service's own numbers (section "Intake").</summary>
public sealed class IntakeOptions
{
    /// <summary>Order numbers read "SO20261127-000123": this prefix, the branch-calendar day, a daily counter.</summary>
    public string OrderNumberPrefix { get; set; } = "SO";

    /// <summary>How many of a caller's last calls the screen pop shows when the request does not say.</summary>
    [Positive]
    public int LastCallsShown { get; set; } = 10;

    /// <summary>The most last calls a screen pop may ask for (max_calls); more is refused.</summary>
    [Positive]
    public int MaxLastCalls { get; set; } = 100;

    /// <summary>How many of a caller's open orders the screen pop shows when the request does not say.</summary>
    [Positive]
    public int OpenOrdersShown { get; set; } = 20;

    /// <summary>The most open orders a screen pop may ask for (max_open_orders); more is refused.</summary>
    [Positive]
    public int MaxOpenOrders { get; set; } = 100;

    /// <summary>
    /// How many of a caller's units the screen pop shows when the request does not say: each is shown with its
    /// warranty decided today, so a dealer or hotel with hundreds of units must not hold the agent's desk up.
    /// </summary>
    [Positive]
    public int UnitsShown { get; set; } = 20;

    /// <summary>The most units a screen pop may ask for (max_units); more is refused.</summary>
    [Positive]
    public int MaxUnits { get; set; } = 100;

    [Positive]
    public int DefaultPageSize { get; set; } = 50;

    [Positive]
    public int MaxPageSize { get; set; } = 500;

    [Positive]
    public int CancelReasonMaxLength { get; set; } = 400;

    [Positive]
    public int CancelledByMaxLength { get; set; } = 40;

    /// <summary>Rule 12: the reason a branch gives for its invoice verification (told to the customer when false).</summary>
    [Positive]
    public int VerificationReasonMaxLength { get; set; } = 400;
}
