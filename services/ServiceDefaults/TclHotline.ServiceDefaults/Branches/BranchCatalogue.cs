using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace TclHotline.ServiceDefaults.Branches;

/// <summary>A branch as the catalogue lists it: who it is, the clock it counts days by, what it owns and who answers for it.</summary>
public sealed record CatalogueBranch(
    string Code,
    string Name,
    TimeZoneInfo TimeZone,
    IReadOnlyList<string> Areas,
    string ServiceDirector,
    string RegionalServiceManager);

/// <summary>
/// The one list of branches every module reads (section "Branches"): code, name, time zone, areas owned (rule 1)
/// and escalation owners (rule 20). Built only from a consistent configuration; <see cref="Problems"/> names every
/// key that is wrong.
/// </summary>
public sealed class BranchCatalogue
{
    /// <summary>The longest branch code the services store and accept.</summary>
    public const int MaxCodeLength = 20;

    private readonly Dictionary<string, CatalogueBranch> _byCode;
    private readonly Dictionary<string, CatalogueBranch> _byArea;
    private readonly UnlistedProvinceSettings _unlisted;

    public BranchCatalogue(BranchOptions options)
    {
        var problems = Problems(options);
        if (problems.Count > 0)
            throw new InvalidOperationException("The branch catalogue is inconsistent: " + string.Join("; ", problems));

        _unlisted = options.UnlistedProvinces;
        DefaultTimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.UnlistedProvinces.TimeZone);
        _byCode = options.ByCode.ToDictionary(
            b => b.Key,
            b => new CatalogueBranch(b.Key, b.Value.Name, TimeZoneInfo.FindSystemTimeZoneById(b.Value.TimeZone),
                [.. b.Value.Areas], b.Value.ServiceDirector, b.Value.RegionalServiceManager),
            StringComparer.Ordinal);
        _byArea = _byCode.Values.SelectMany(b => b.Areas.Select(a => (Area: a, Branch: b)))
            .ToDictionary(x => x.Area, x => x.Branch, StringComparer.Ordinal);
    }

    /// <summary>The catalogue shipped with the services (Branches/branches.json) and nothing else: for tools and tests.</summary>
    public static BranchCatalogue Shipped() => From(new ConfigurationBuilder().AddShippedBranches().Build());

    public static BranchCatalogue From(IConfiguration configuration) =>
        new(configuration.GetSection(BranchOptions.Section).Get<BranchOptions>() ?? new BranchOptions());

    public IReadOnlyCollection<CatalogueBranch> Branches => _byCode.Values;

    /// <summary>The zone of an unlisted province's branch, and of figures not tied to one branch.</summary>
    public TimeZoneInfo DefaultTimeZone { get; }

    public CatalogueBranch? Find(string? code) => code is not null ? _byCode.GetValueOrDefault(code) : null;

    /// <summary>The zone a branch counts its days in; an unlisted branch counts in the default zone.</summary>
    public TimeZoneInfo TimeZoneOf(string? code) => Find(code)?.TimeZone ?? DefaultTimeZone;

    /// <summary>Rule 1: the listed branch that owns a district by its most specific area (district, city, province), or null.</summary>
    public CatalogueBranch? Owning(string? districtCode)
    {
        if (districtCode is null)
            return null;
        foreach (var length in AreaLengthsMostSpecificFirst)
            if (districtCode.Length >= length && _byArea.TryGetValue(districtCode[..length], out var branch))
                return branch;
        return null;
    }

    /// <summary>
    /// The branch serving a district no listed branch's areas claim: its province's, coded by
    /// <see cref="UnlistedProvinceSettings.CodeFormat"/>. Listing that code (with no areas) names the branch, its
    /// time zone and its escalation owners without changing which districts it serves.
    /// </summary>
    public (string Code, string Name, TimeZoneInfo TimeZone) ProvinceBranch(string provinceCode, string provinceName)
    {
        var code = string.Format(CultureInfo.InvariantCulture, _unlisted.CodeFormat, provinceCode);
        return Find(code) is { } listed
            ? (code, listed.Name, listed.TimeZone)
            : (code, string.Format(CultureInfo.InvariantCulture, _unlisted.NameFormat, provinceName), DefaultTimeZone);
    }

    // A district (6 digits) lies in its city (the first 4) and its province (the first 2).
    private static readonly int[] AreaLengthsMostSpecificFirst = [6, 4, 2];

    /// <summary>Every inconsistency, each naming its configuration key.</summary>
    public static IReadOnlyList<string> Problems(BranchOptions options)
    {
        const string root = BranchOptions.Section + ":" + nameof(BranchOptions.ByCode);
        var problems = new List<string>();
        if (options.ByCode.Count == 0)
            problems.Add($"{root}: at least one branch is required.");

        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, branch) in options.ByCode.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var at = $"{root}:{code}";
            if (code.Length is 0 or > MaxCodeLength || code.Any(char.IsWhiteSpace))
                problems.Add($"{at}: a branch code has 1 to {MaxCodeLength} characters and no spaces.");
            if (!codes.TryAdd(code, code))
                problems.Add($"{at}: the code duplicates branch '{codes[code]}' (codes differing only in case are the same branch to people).");
            Required(branch.Name, $"{at}:{nameof(BranchSettings.Name)}", problems);
            KnownTimeZone(branch.TimeZone, $"{at}:{nameof(BranchSettings.TimeZone)}", problems);
            Required(branch.ServiceDirector, $"{at}:{nameof(BranchSettings.ServiceDirector)}", problems);
            Required(branch.RegionalServiceManager, $"{at}:{nameof(BranchSettings.RegionalServiceManager)}", problems);
            for (var i = 0; i < branch.Areas.Count; i++)
            {
                var area = branch.Areas[i];
                var areaAt = $"{at}:{nameof(BranchSettings.Areas)}:{i}";
                if (!AreaLengthsMostSpecificFirst.Contains(area.Length) || !area.All(char.IsAsciiDigit))
                    problems.Add($"{areaAt}: '{area}' is not a province, city or district code (2, 4 or 6 digits).");
                else if (!owners.TryAdd(area, code))
                    problems.Add($"{areaAt}: area '{area}' is already owned by branch '{owners[area]}'; an area has one owner.");
            }
        }

        const string unlisted = BranchOptions.Section + ":" + nameof(BranchOptions.UnlistedProvinces);
        KnownTimeZone(options.UnlistedProvinces.TimeZone, $"{unlisted}:{nameof(UnlistedProvinceSettings.TimeZone)}", problems);
        if (!options.UnlistedProvinces.CodeFormat.Contains("{0}", StringComparison.Ordinal))
            problems.Add($"{unlisted}:{nameof(UnlistedProvinceSettings.CodeFormat)}: '{options.UnlistedProvinces.CodeFormat}' must contain {{0}}, the province code.");
        return problems;
    }

    private static void Required(string? value, string at, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
            problems.Add($"{at}: required.");
    }

    private static void KnownTimeZone(string? id, string at, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(id))
            problems.Add($"{at}: required.");
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
            problems.Add($"{at}: '{id}' is not a known IANA or Windows time zone id.");
    }
}
