namespace TclHotline.Complaints.Domain;

/// <summary>
/// Branch service director → regional service manager → headquarters customer service (rule 20),
/// each with its owner from configuration.
/// </summary>
public sealed class EscalationLadder(EscalationOptions options)
{
    public const EscalationLevel Bottom = EscalationLevel.BranchServiceDirector;
    public const EscalationLevel Top = EscalationLevel.HeadquartersCustomerService;

    /// <summary>The level above, or null at the top.</summary>
    public static EscalationLevel? Above(EscalationLevel level) => level == Top ? null : level + 1;

    /// <exception cref="EscalationOwnerMissing">Nobody is configured for the level.</exception>
    public string OwnerAt(EscalationLevel level, string branchCode)
    {
        var owner = level switch
        {
            EscalationLevel.BranchServiceDirector =>
                options.BranchServiceDirectors.GetValueOrDefault(branchCode) ?? Fallback(options.DefaultBranchServiceDirector, branchCode),
            EscalationLevel.RegionalServiceManager =>
                (options.BranchRegions.TryGetValue(branchCode, out var region) ? options.RegionalServiceManagers.GetValueOrDefault(region) : null)
                ?? Fallback(options.DefaultRegionalServiceManager, branchCode),
            EscalationLevel.HeadquartersCustomerService => options.HeadquartersCustomerService,
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
        };
        return string.IsNullOrWhiteSpace(owner) ? throw new EscalationOwnerMissing(level, branchCode) : owner;
    }

    private static string? Fallback(string format, string branchCode) =>
        string.IsNullOrWhiteSpace(format) ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, branchCode);
}
