namespace TclHotline.Complaints.Domain;

/// <summary>
/// Rule 20: the owners above the branches, and what a branch missing from the branch catalogue gets.
/// A listed branch's own owners (service director, regional service manager) are in the catalogue ("Branches").
/// </summary>
public sealed class EscalationOptions
{
    /// <summary>Level 3: headquarters customer service, one for the country.</summary>
    public string HeadquartersCustomerService { get; set; } = "Headquarters customer service";

    /// <summary>
    /// Level 1 for a branch the catalogue does not list ({0} is the branch code), so a complaint the system raises
    /// always has an owner; empty makes a missing name a configuration error instead.
    /// </summary>
    public string DefaultBranchServiceDirector { get; set; } = "Service director of branch {0}";

    /// <summary>Level 2 for a branch the catalogue does not list ({0} is the branch code).</summary>
    public string DefaultRegionalServiceManager { get; set; } = "Regional service manager for branch {0}";
}
