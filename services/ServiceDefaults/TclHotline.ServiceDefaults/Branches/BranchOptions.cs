namespace TclHotline.ServiceDefaults.Branches;

/// <summary>
/// The branch catalogue's configuration (section "Branches"). Its default is Branches/branches.json, shipped with
/// ServiceDefaults and read before every other source, so appsettings, the environment
/// (<c>Branches__ByCode__SZ__Name</c>) or the command line change or add a branch like any other setting.
/// </summary>
public sealed class BranchOptions
{
    public const string Section = "Branches";

    /// <summary>The branches, by code: the key is the code orders, tokens and events carry.</summary>
    public Dictionary<string, BranchSettings> ByCode { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How a district no listed branch claims is served: by its province's branch.</summary>
    public UnlistedProvinceSettings UnlistedProvinces { get; set; } = new();
}

public sealed class BranchSettings
{
    public string Name { get; set; } = "";

    /// <summary>IANA ("Asia/Shanghai") or Windows ("China Standard Time") id: periods are counted in it.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>
    /// GB/T 2260 codes the branch owns (rule 1): a province ("43"), a city ("4301") or a district ("430102").
    /// The most specific claim wins, so a city branch can sit inside a province branch's area. A branch with no areas
    /// serves no orders of its own: it is listed for its name, time zone and owners.
    /// </summary>
    public List<string> Areas { get; set; } = [];

    /// <summary>The first escalation owner (rules 20, 25).</summary>
    public string ServiceDirector { get; set; } = "";

    /// <summary>The second escalation owner, above the service director.</summary>
    public string RegionalServiceManager { get; set; } = "";
}

public sealed class UnlistedProvinceSettings
{
    /// <summary>{0} is the province code: "BR-{0}" gives "BR-44" for Guangdong.</summary>
    public string CodeFormat { get; set; } = "BR-{0}";

    /// <summary>{0} is the province name.</summary>
    public string NameFormat { get; set; } = "{0}分公司";

    /// <summary>The time zone of a province branch that is not listed, and of reports not tied to one branch.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
