namespace TclHotline.Intake.Domain.Regions;

public enum RegionLevel
{
    Province,
    City,
    District,
}

public sealed record RegionProblem(RegionLevel Level, string Message);

/// <summary>The district a province/city/district triple names, or what is wrong with each level.</summary>
public sealed record RegionResolution(District? District, IReadOnlyList<RegionProblem> Problems);
