namespace TclHotline.Dispatch.Domain.Network;

public enum OutletKind
{
    /// <summary>The branch's own service point.</summary>
    Own,

    /// <summary>A contracted service provider (服务商).</summary>
    Contracted,
}

/// <summary>How far a covered district is from the outlet: what an engineer's trip there costs.</summary>
public sealed record DistrictCoverage(string DistrictCode, TimeSpan Travel, decimal DistanceKm);

/// <summary>A service point (网点) engineers work from, with the districts it covers.</summary>
public sealed record Outlet(
    string Id,
    string BranchCode,
    string Name,
    OutletKind Kind,
    string? ProviderName,
    IReadOnlyList<DistrictCoverage> Coverage)
{
    // A loop rather than FirstOrDefault with a lambda: planning asks this of every engineer of the network per order.
    public DistrictCoverage? CoverageOf(string districtCode)
    {
        foreach (var coverage in Coverage)
        {
            if (coverage.DistrictCode == districtCode)
            {
                return coverage;
            }
        }

        return null;
    }
}
