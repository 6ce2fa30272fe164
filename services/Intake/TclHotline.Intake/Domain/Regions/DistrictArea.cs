namespace TclHotline.Intake.Domain.Regions;

/// <summary>
/// The default urban/remote class of a district from its official name (rule 3): the districts
/// (区) of a city and a city that has no districts (东莞市, 中山市…) are urban; counties (县, 自治县),
/// banners (旗), county-level cities (市 under a city), special districts (特区), anything governed
/// directly by the province as county-level, and the few other units (新城, 管理区, 群岛…) are remote:
/// only a city district earns the 24-hour promise, the rest is served by appointment.
/// </summary>
public static class DistrictArea
{
    private const string ProvinceGovernedCounties = "直辖县级行政区划";

    public static AreaKind FromNames(string districtName, string cityName)
    {
        if (cityName.EndsWith(ProvinceGovernedCounties, StringComparison.Ordinal))
            return AreaKind.Remote;
        if (districtName == cityName)
            return AreaKind.Urban;
        if (districtName.EndsWith("特区", StringComparison.Ordinal))
            return AreaKind.Remote;
        return districtName.EndsWith('区') ? AreaKind.Urban : AreaKind.Remote;
    }
}
