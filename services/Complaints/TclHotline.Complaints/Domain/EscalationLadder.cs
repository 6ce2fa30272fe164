using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Complaints.Domain;

/// <summary>
/// Branch service director → regional service manager → headquarters customer service (rule 20),
/// each with its owner from configuration: a branch's own two from the branch catalogue, headquarters from <see cref="EscalationOptions"/>.
/// </summary>
public sealed class EscalationLadder(BranchCatalogue branches, EscalationOptions options)
{
    public const EscalationLevel Bottom = EscalationLevel.BranchServiceDirector;
    public const EscalationLevel Top = EscalationLevel.HeadquartersCustomerService;

    /// <summary>The level above, or null at the top.</summary>
    public static EscalationLevel? Above(EscalationLevel level) => level == Top ? null : level + 1;

    /// <exception cref="EscalationOwnerMissing">Nobody is configured for the level.</exception>
    public string OwnerAt(EscalationLevel level, string branchCode)
    {
        var branch = branches.Find(branchCode);
        var owner = level switch
        {
            EscalationLevel.BranchServiceDirector =>
                branch?.ServiceDirector ?? Fallback(options.DefaultBranchServiceDirector, branchCode),
            EscalationLevel.RegionalServiceManager =>
                branch?.RegionalServiceManager ?? Fallback(options.DefaultRegionalServiceManager, branchCode),
            EscalationLevel.HeadquartersCustomerService => options.HeadquartersCustomerService,
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
        };
        return string.IsNullOrWhiteSpace(owner) ? throw new EscalationOwnerMissing(level, branchCode) : owner;
    }

    private static string? Fallback(string format, string branchCode) =>
        string.IsNullOrWhiteSpace(format) ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, branchCode);
}
