using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Intake.Domain.Fees;

/// <summary>The price list and the fee rules' numbers (section "Intake:Fees").</summary>
public sealed class FeeOptions
{
    public string Currency { get; set; } = "CNY";

    /// <summary>
    /// Base fee in yuan by order type ("Repair") or by order type and fault category
    /// ("Repair:Panel"), the more specific key winning. Every order type with a visit needs at
    /// least its own key. The defaults are placeholders for the branch price list.
    /// </summary>
    public Dictionary<string, decimal> BaseFees { get; set; } = new()
    {
        ["Repair"] = 50m,
        ["Repair:Panel"] = 150m,
        ["Repair:MainBoard"] = 100m,
        ["Repair:PowerSupply"] = 80m,
        ["Installation"] = 0m,
        ["WallMount"] = 0m,
        ["EngineeringSurvey"] = 0m,
        ["PreSaleRepair"] = 0m,
    };

    /// <summary>Rule 15: kilometres from the outlet, one way, that cost nothing.</summary>
    [NotNegative]
    public decimal FreeTravelKm { get; set; } = 30m;

    /// <summary>Rule 15: yuan per kilometre of the excess, one way.</summary>
    [NotNegative]
    public decimal TravelFeePerKm { get; set; } = 1m;

    /// <summary>Rule 16: branch-local time from which a visit is a night visit.</summary>
    public TimeOnly NightStarts { get; set; } = new(21, 0);

    /// <summary>Rule 16: branch-local time at which night visits end.</summary>
    public TimeOnly NightEnds { get; set; } = new(8, 0);

    /// <summary>Rule 16: share of the base fee added for a night visit.</summary>
    [NotNegative]
    public decimal NightSurchargeRate { get; set; } = 0.5m;

    /// <summary>
    /// The documented exclusions that let an in-warranty repair be charged, by name, with what the customer is
    /// told. Dispatch refuses any exclusion not named in its own list (Dispatch:WarrantyExclusions).
    /// </summary>
    public Dictionary<string, string> WarrantyExclusions { get; set; } = new()
    {
        ["UserDamage"] = "damage by the user (人为损坏) is not covered by 三包",
        ["Appearance"] = "the appearance (外观: case, screen surface) is not covered by 三包",
    };
}
