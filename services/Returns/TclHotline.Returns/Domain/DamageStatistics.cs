namespace TclHotline.Returns.Domain;

public sealed record DamageCount(Finding Finding, Attribution? Attribution, int Count);

public sealed record FindingTotal(Finding Finding, int Count);

public sealed record AttributionShare(Attribution Attribution, int Count, decimal Percent);

/// <summary>
/// Rule 18's monthly table (the seed's 开箱屏裂: cracked panels, 30 % one cause and 70 % another): damage by
/// kind, and each attribution's share of the inspected damage, overall and per kind. Performance faults are
/// not damage and are counted apart.
/// </summary>
public sealed record DamageStatistics(
    IReadOnlyList<FindingTotal> ByKind,
    int PerformanceFaults,
    int Inspected,
    int NotInspected,
    IReadOnlyList<AttributionShare> ByAttribution,
    IReadOnlyDictionary<Finding, IReadOnlyList<AttributionShare>> ByKindAndAttribution)
{
    public static DamageStatistics From(IEnumerable<DamageCount> counts)
    {
        var all = counts.ToList();
        var damage = all.Where(c => c.Finding.IsDamage()).ToList();
        var byKind = FindingFacts.Damage.Select(f => new FindingTotal(f, damage.Where(c => c.Finding == f).Sum(c => c.Count))).ToList();
        var inspected = damage.Where(c => c.Attribution is not null).ToList();
        return new DamageStatistics(
            byKind,
            all.Where(c => c.Finding == Finding.PerformanceFault).Sum(c => c.Count),
            inspected.Sum(c => c.Count),
            damage.Where(c => c.Attribution is null).Sum(c => c.Count),
            Shares(inspected),
            FindingFacts.Damage.ToDictionary(f => f, f => Shares(inspected.Where(c => c.Finding == f).ToList())));
    }

    private static IReadOnlyList<AttributionShare> Shares(IReadOnlyList<DamageCount> inspected)
    {
        var total = inspected.Sum(c => c.Count);
        return [.. FindingFacts.Attributions.Select(a =>
        {
            var count = inspected.Where(c => c.Attribution == a).Sum(c => c.Count);
            return new AttributionShare(a, count, total == 0 ? 0m : Math.Round(100m * count / total, 2, MidpointRounding.AwayFromZero));
        })];
    }
}
