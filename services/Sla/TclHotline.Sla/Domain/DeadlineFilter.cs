namespace TclHotline.Sla.Domain;

/// <summary>
/// Which deadlines a monitor wants, used by ListAtRisk and WatchSlaEvents alike: one branch
/// (empty = all) and a set of kinds (empty = all).
/// </summary>
public sealed record DeadlineFilter(string? BranchCode, IReadOnlySet<string> Kinds)
{
    public static DeadlineFilter From(string? branchCode, IEnumerable<string> kinds) =>
        new(string.IsNullOrWhiteSpace(branchCode) ? null : branchCode.Trim(), kinds.Select(k => k.Trim()).ToHashSet(StringComparer.Ordinal));

    public bool Matches(string? branchCode, string kind) =>
        (BranchCode is null || string.Equals(BranchCode, branchCode, StringComparison.Ordinal))
        && (Kinds.Count == 0 || Kinds.Contains(kind));
}
