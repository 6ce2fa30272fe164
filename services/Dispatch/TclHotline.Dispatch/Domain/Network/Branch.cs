using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Dispatch.Domain.Network;

/// <summary>
/// A regional service department, as the branch catalogue lists it. It owns every unit used in its area (rule 1):
/// <paramref name="Areas"/> are the GB/T 2260 prefixes it serves (a 4-digit city such as "4301", or a 2-digit province).
/// </summary>
public sealed record Branch(
    string Code,
    string Name,
    string TimeZoneId,
    string ServiceDirector,
    IReadOnlyList<string> Areas)
{
    public BranchClock Clock => BranchClock.Of(TimeZoneId);

    public static Branch From(CatalogueBranch branch) =>
        new(branch.Code, branch.Name, branch.TimeZone.Id, branch.ServiceDirector, branch.Areas);

    /// <summary>How specifically this branch claims a district: the longest matching area prefix, 0 when none.</summary>
    public int ClaimLength(string districtCode) =>
        Areas.Where(districtCode.StartsWith).Select(area => area.Length).DefaultIfEmpty(0).Max();
}
