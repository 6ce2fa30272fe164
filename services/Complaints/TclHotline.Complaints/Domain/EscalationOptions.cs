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
    public string HeadquartersCustomerService { get; set; } = "";
}
