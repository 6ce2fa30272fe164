namespace TclHotline.Complaints.Domain;

/// <summary>Rule 20: the named owner of each escalation level.</summary>
public sealed class EscalationOptions
{
    /// <summary>Level 1, per branch code: the branch's service director.</summary>
    public Dictionary<string, string> BranchServiceDirectors { get; set; } = [];

    /// <summary>Branch code → region code.</summary>
    public Dictionary<string, string> BranchRegions { get; set; } = [];

    /// <summary>Level 2, per region code: the regional service manager.</summary>
    public Dictionary<string, string> RegionalServiceManagers { get; set; } = [];

    /// <summary>Level 3: headquarters customer service, one for the country.</summary>
    public string HeadquartersCustomerService { get; set; } = "Headquarters customer service";

    /// <summary>
    /// Level 1 for a branch with no named director ({0} is the branch code), so a complaint the system raises
    /// always has an owner; empty makes a missing name a configuration error instead.
    /// </summary>
    public string DefaultBranchServiceDirector { get; set; } = "Service director of branch {0}";

    /// <summary>Level 2 for a branch with no region or no named manager ({0} is the branch code).</summary>
    public string DefaultRegionalServiceManager { get; set; } = "Regional service manager for branch {0}";
}
