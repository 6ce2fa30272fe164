namespace TclHotline.Intake.Domain.Regions;

/// <summary>
/// Configuration of the region catalogue (section "Intake:Regions"). Which branch owns a district, and its time
/// zone, come from the branch catalogue (section "Branches").
/// </summary>
public sealed class RegionOptions
{
    /// <summary>Area kinds that replace the name-based classification, by district code.</summary>
    public Dictionary<string, AreaKind> DistrictAreas { get; set; } = new();
}
