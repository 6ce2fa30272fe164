namespace TclHotline.Intake.Domain.Regions;

/// <summary>Configuration of the region catalogue (section "Intake:Regions").</summary>
public sealed class RegionOptions
{
    /// <summary>Every branch's time zone: all of mainland China keeps Beijing time.</summary>
    public string TimeZoneId { get; set; } = "Asia/Shanghai";

    /// <summary>Code of the default branch of a province; {0} is the province code ("BR-43" for Hunan).</summary>
    public string ProvinceBranchCodeFormat { get; set; } = "BR-{0}";

    /// <summary>Name of the default branch of a province; {0} is the province name ("湖南省分公司").</summary>
    public string ProvinceBranchNameFormat { get; set; } = "{0}分公司";

    /// <summary>Branches that own a whole city instead of the province's branch, by city code (e.g. "4301").</summary>
    public Dictionary<string, BranchSettings> CityBranches { get; set; } = new();

    /// <summary>Area kinds that replace the name-based classification, by district code.</summary>
    public Dictionary<string, AreaKind> DistrictAreas { get; set; } = new();
}

public sealed class BranchSettings
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}
