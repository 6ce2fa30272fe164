namespace TclHotline.Complaints.Domain;

public sealed class BranchTimeZoneOptions
{
    public string Default { get; set; } = "Asia/Shanghai";

    /// <summary>Branch code → time zone id, for a branch outside the default zone.</summary>
    public Dictionary<string, string> ByBranch { get; set; } = [];
}

/// <summary>The time zone a branch counts its days in.</summary>
public sealed class BranchTimeZones(BranchTimeZoneOptions options)
{
    public TimeZoneInfo For(string branchCode) =>
        TimeZoneInfo.FindSystemTimeZoneById(options.ByBranch.GetValueOrDefault(branchCode) ?? options.Default);
}
