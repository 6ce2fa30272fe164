namespace TclHotline.Intake.Domain.Regions;

/// <summary>A county-level division of the catalogue, with its area kind (rule 3) and owning branch (rule 1).</summary>
public sealed record District(
    string Code,
    string Name,
    string CityCode,
    string CityName,
    string ProvinceCode,
    string ProvinceName,
    AreaKind Area,
    Branch Branch);
