using System.Reflection;
using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Intake.Domain.Regions;

/// <summary>
/// The China administrative divisions (Seed/regions.csv, embedded) with each district's area kind
/// and owning branch from the branch catalogue. Unknown codes are reported, never guessed (rules 1–3).
/// </summary>
public sealed class RegionCatalogue
{
    private const string ResourceName = "TclHotline.Intake.Seed.regions.csv";
    private const int Columns = 6;

    private readonly Dictionary<string, string> provinces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, string ProvinceCode)> cities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, District> districts = new(StringComparer.Ordinal);

    private RegionCatalogue(TextReader csv, RegionOptions options, BranchCatalogue branches)
    {
        TimeZone = branches.DefaultTimeZone;
        CheckOverridesAreNamed(options);
        var header = csv.ReadLine();
        if (header is null)
            throw new InvalidDataException("The region catalogue is empty.");
        var lineNumber = 1;
        while (csv.ReadLine() is { } line)
        {
            lineNumber++;
            var f = line.Split(',');
            if (f.Length != Columns)
                throw new InvalidDataException($"Region catalogue line {lineNumber} has {f.Length} fields, expected {Columns}.");
            Add(f[0], f[1], f[2], f[3], f[4], f[5], options, branches);
        }
        CheckOverridesExist(options, branches);
    }

    public TimeZoneInfo TimeZone { get; }

    public IReadOnlyCollection<District> Districts => districts.Values;

    /// <summary>Loads the catalogue embedded in this assembly.</summary>
    public static RegionCatalogue Load(RegionOptions options, BranchCatalogue branches)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return new RegionCatalogue(reader, options, branches);
    }

    public District? FindDistrict(string? code) =>
        code is not null && districts.TryGetValue(code, out var district) ? district : null;

    /// <summary>Checks each level on its own and against the one above, so every bad code is named.</summary>
    public RegionResolution Resolve(string? provinceCode, string? cityCode, string? districtCode)
    {
        var problems = new List<RegionProblem>();
        var provinceKnown = Check(RegionLevel.Province, provinceCode, provinces.ContainsKey, problems);
        var cityKnown = Check(RegionLevel.City, cityCode, cities.ContainsKey, problems);
        var districtKnown = Check(RegionLevel.District, districtCode, districts.ContainsKey, problems);
        if (provinceKnown && cityKnown && cities[cityCode!].ProvinceCode != provinceCode)
            problems.Add(new(RegionLevel.City, $"{cityCode} is not in province {provinceCode}"));
        if (cityKnown && districtKnown && districts[districtCode!].CityCode != cityCode)
            problems.Add(new(RegionLevel.District, $"{districtCode} is not in city {cityCode}"));
        return new RegionResolution(problems.Count == 0 ? districts[districtCode!] : null, problems);
    }

    private static bool Check(RegionLevel level, string? code, Func<string, bool> known, List<RegionProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            problems.Add(new(level, "is required"));
            return false;
        }
        if (known(code))
            return true;
        problems.Add(new(level, $"'{code}' is not a known {level.ToString().ToLowerInvariant()} code"));
        return false;
    }

    private void Add(string provinceCode, string provinceName, string cityCode, string cityName,
        string districtCode, string districtName, RegionOptions options, BranchCatalogue branches)
    {
        provinces.TryAdd(provinceCode, provinceName);
        cities.TryAdd(cityCode, (cityName, provinceCode));
        var area = options.DistrictAreas.TryGetValue(districtCode, out var overridden)
            ? overridden
            : DistrictArea.FromNames(districtName, cityName);
        var (code, name, zone) = branches.Owning(districtCode) is { } listed
            ? (listed.Code, listed.Name, listed.TimeZone)
            : branches.ProvinceBranch(provinceCode, provinceName);
        var branch = new Branch(code, name, zone);
        if (!districts.TryAdd(districtCode, new District(districtCode, districtName, cityCode, cityName,
                provinceCode, provinceName, area, branch)))
            throw new InvalidDataException($"District {districtCode} appears twice in the region catalogue.");
    }

    private static void CheckOverridesAreNamed(RegionOptions options)
    {
        foreach (var (district, area) in options.DistrictAreas)
            if (area is not (AreaKind.Urban or AreaKind.Remote))
                throw new InvalidOperationException($"District {district} is configured with area '{area}', expected Urban or Remote.");
    }

    // An override naming a code the catalogue lacks is a typo that would otherwise be ignored silently.
    private void CheckOverridesExist(RegionOptions options, BranchCatalogue branches)
    {
        foreach (var branch in branches.Branches)
            foreach (var area in branch.Areas.Where(a => !provinces.ContainsKey(a) && !cities.ContainsKey(a) && !districts.ContainsKey(a)))
                throw new InvalidOperationException(
                    $"{BranchOptions.Section}:{nameof(BranchOptions.ByCode)}:{branch.Code}:{nameof(BranchSettings.Areas)}: '{area}' is no province, city or district code of the region catalogue.");
        foreach (var district in options.DistrictAreas.Keys)
            if (!districts.ContainsKey(district))
                throw new InvalidOperationException($"An area is configured for unknown district code '{district}'.");
    }
}
