using TclHotline.Dispatch.Domain.Network;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Dispatch.Domain;

/// <summary>
/// Every number the dispatch rules use, bound from the "Dispatch" configuration section. The
/// defaults are the ones DOMAIN.md documents.
/// </summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary>Rule 2: an engineer on site within this span of the call's registration (urban).</summary>
    [Positive]
    public TimeSpan UrbanCommitment { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Rule 2, remote: an appointment must be booked within this span of the call's registration.</summary>
    [Positive]
    public TimeSpan BookingWithin { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Engineers report with the server's clock: a reported time may lie at most this far before the server's
    /// (a phone's clock running behind, a report sent a moment late). An earlier time is refused for an engineer;
    /// a dispatcher may record one with a reason, audited.
    /// </summary>
    [NotNegative]
    public TimeSpan ReportClockTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Length of an appointment window offered to a customer (remote, or a customer-requested time).</summary>
    [Positive]
    public TimeSpan AppointmentSlotLength { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How many branch-local days after today appointment slots are searched in.</summary>
    [Positive]
    public int AppointmentDaysAhead { get; set; } = 7;

    /// <summary>How many appointment slots are proposed to the customer.</summary>
    [Positive]
    public int AppointmentSlotsOffered { get; set; } = 3;

    /// <summary>
    /// A decision reads only the bookings arriving from now minus this span until its latest possible arrival
    /// plus this span. It must exceed one branch-local day (capacity counts the bookings of the arrival's local
    /// day; 25 h across a daylight-saving change) plus the longest visit with its trip, so that the narrowed
    /// schedule decides exactly as the whole one would.
    /// </summary>
    [Positive]
    public TimeSpan BookingMargin { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// Shares of a commitment's span after which the board shows it as warned; the same fractions
    /// the SLA timer warns at. Null means the default 0.5 and 0.8: configuration binding appends to
    /// a pre-filled array instead of replacing it, so the default lives in <see cref="Warnings"/>.
    /// </summary>
    public double[]? WarningFractions { get; set; }

    public IReadOnlyList<double> Warnings => WarningFractions is { Length: > 0 } configured ? configured : [0.5, 0.8];

    /// <summary>Days in repair or waiting for parts a completion may report (rules 5, 9); more is a typing error.</summary>
    [Positive]
    public int CompletionDaysMax { get; set; } = 3650;

    /// <summary>Engineers listed per page when the request asks for no size.</summary>
    [Positive]
    public int EngineerPageSize { get; set; } = 100;

    /// <summary>The most engineers one page may hold, whatever the request asks.</summary>
    [Positive]
    public int MaxEngineerPageSize { get; set; } = 500;

    /// <summary>
    /// The documented exclusions for which an in-warranty repair may be charged: UserDamage (人为损坏, damage by
    /// the user) and Appearance (外观, case or screen surface). Null means both (arrays bind by appending).
    /// </summary>
    public string[]? WarrantyExclusions { get; set; }

    public IReadOnlyList<string> Exclusions => WarrantyExclusions is { Length: > 0 } configured ? configured : ["UserDamage", "Appearance"];

    /// <summary>The skill each order type needs on site.</summary>
    public Dictionary<OrderType, Skill> SkillByOrderType { get; set; } = new()
    {
        [OrderType.Repair] = Skill.Repair,
        [OrderType.PreSaleRepair] = Skill.Repair,
        [OrderType.Installation] = Skill.Installation,
        [OrderType.WallMount] = Skill.WallMount,
        [OrderType.EngineeringSurvey] = Skill.EngineeringSurvey,
    };

    /// <summary>Fault categories that need a further skill (a panel fault needs a panel-trained engineer).</summary>
    public Dictionary<string, Skill> SkillByFaultCategory { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Panel"] = Skill.Panel,
    };
}
