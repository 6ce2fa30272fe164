using System.Text.RegularExpressions;

namespace TclHotline.Dispatch.Domain.Network;

/// <summary>
/// What makes a network usable for dispatch. Each problem names the item and the field so a seed
/// file or a roster request can be corrected.
/// </summary>
public static partial class NetworkConsistency
{
    public static IReadOnlyList<string> Problems(
        IReadOnlyList<Branch> branches,
        IReadOnlyList<Outlet> outlets,
        IReadOnlyList<Engineer> engineers,
        DispatchOptions options)
    {
        var problems = new List<string>();
        // The branches themselves were checked when the branch catalogue was loaded.
        var branchByCode = branches.ToDictionary(b => b.Code, StringComparer.Ordinal);
        CheckOutlets(outlets, branchByCode, problems);
        CheckEngineers(engineers, outlets.Select(o => o.Id).ToHashSet(), options, problems);
        return problems;
    }

    private static void CheckOutlets(IReadOnlyList<Outlet> outlets, Dictionary<string, Branch> branches, List<string> problems)
    {
        Duplicates(outlets.Select(o => o.Id), "outlet", problems);
        foreach (var outlet in outlets)
        {
            var at = $"outlet {outlet.Id}";
            Required(outlet.Id, at, "id", problems);
            Required(outlet.Name, at, "name", problems);
            if (outlet.Kind == OutletKind.Contracted && string.IsNullOrWhiteSpace(outlet.ProviderName))
            {
                problems.Add($"{at}: a contracted outlet needs its provider's name");
            }

            if (!branches.TryGetValue(outlet.BranchCode, out var branch))
            {
                problems.Add($"{at}: branch '{outlet.BranchCode}' is unknown");
            }

            Duplicates(outlet.Coverage.Select(c => c.DistrictCode), $"{at}: district", problems);
            foreach (var coverage in outlet.Coverage)
            {
                CheckCoverage(at, coverage, branch, problems);
            }
        }
    }

    private static void CheckCoverage(string at, DistrictCoverage coverage, Branch? branch, List<string> problems)
    {
        if (!DistrictCode().IsMatch(coverage.DistrictCode))
        {
            problems.Add($"{at}: district '{coverage.DistrictCode}' is not a six-digit GB/T 2260 code");
        }
        else if (branch is not null && branch.ClaimLength(coverage.DistrictCode) == 0)
        {
            // An outlet serving outside its branch's area would book work another branch owns (rule 1).
            problems.Add($"{at}: district {coverage.DistrictCode} is outside branch {branch.Code}'s area");
        }

        if (coverage.Travel <= TimeSpan.Zero)
        {
            problems.Add($"{at}: travel time to {coverage.DistrictCode} must be positive");
        }

        if (coverage.DistanceKm < 0)
        {
            problems.Add($"{at}: distance to {coverage.DistrictCode} must not be negative");
        }
    }

    private static void CheckEngineers(
        IReadOnlyList<Engineer> engineers, HashSet<string> outletIds, DispatchOptions options, List<string> problems)
    {
        Duplicates(engineers.Select(e => e.Id), "engineer", problems);
        foreach (var engineer in engineers)
        {
            var at = $"engineer {engineer.Id}";
            Required(engineer.Id, at, "id", problems);
            Required(engineer.Name, at, "name", problems);
            if (!outletIds.Contains(engineer.OutletId))
            {
                problems.Add($"{at}: outlet '{engineer.OutletId}' is unknown");
            }

            if (engineer.Skills.Count == 0)
            {
                problems.Add($"{at}: has no skill");
            }

            if (engineer.Shifts.Count == 0)
            {
                problems.Add($"{at}: has no shift");
            }

            foreach (var shift in engineer.Shifts.Where(s => s.Start == s.End || s.Days.Count == 0))
            {
                problems.Add($"{at}: shift {shift.Start:HH\\:mm}-{shift.End:HH\\:mm} is empty");
            }

            if (engineer.DailyCapacity < 1)
            {
                problems.Add($"{at}: daily capacity must be at least 1");
            }

            // Every order type the engineer can be sent on needs a visit duration to plan with.
            foreach (var (type, skill) in options.SkillByOrderType.Where(x => engineer.Skills.Contains(x.Value)))
            {
                if (!engineer.VisitDurations.TryGetValue(type, out var duration) || duration <= TimeSpan.Zero)
                {
                    problems.Add($"{at}: has skill {skill} but no visit duration for {type}");
                }
            }
        }
    }

    private static void Duplicates(IEnumerable<string> ids, string what, List<string> problems)
    {
        foreach (var id in ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"{what} {id} is defined more than once");
        }
    }

    private static void Required(string? value, string at, string field, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{at}: {field} is required");
        }
    }

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex DistrictCode();
}
