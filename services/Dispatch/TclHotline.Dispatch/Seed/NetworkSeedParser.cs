using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Dispatch.Seed;

/// <summary>
/// Reads a network seed (JSON: outlets and engineers) into a <see cref="ServiceNetwork"/> over the catalogue's branches.
/// Pure: text in, network out. Every problem is collected with its path and reported together in one <see cref="InvalidNetworkException"/>.
/// </summary>
public sealed class NetworkSeedParser(DispatchOptions options, BranchCatalogue catalogue)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field would otherwise be silently ignored and its default used.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public ServiceNetwork Parse(string json)
    {
        NetworkSeedDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<NetworkSeedDocument>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidNetworkException([$"seed: not a valid network document ({e.Path}): {e.Message}"]);
        }

        var problems = new List<string>();
        var outlets = Each(document?.Outlets, "outlets", problems, Outlet);
        var engineers = Each(document?.Engineers, "engineers", problems, Engineer);
        if (problems.Count > 0)
        {
            throw new InvalidNetworkException(problems);
        }

        return ServiceNetwork.Create(catalogue.Branches.Select(Domain.Network.Branch.From), outlets, engineers, options);
    }

    private static List<T> Each<TSeed, T>(List<TSeed>? seeds, string path, List<string> problems, Func<TSeed, string, List<string>, T?> read)
        where T : class
    {
        if (seeds is null || seeds.Count == 0)
        {
            problems.Add($"{path}: at least one is required");
            return [];
        }

        return seeds.Select((seed, i) => read(seed, $"{path}[{i}]", problems)).OfType<T>().ToList();
    }

    private static Outlet? Outlet(OutletSeed seed, string at, List<string> problems)
    {
        var kind = Named<OutletKind>(seed.Kind, $"{at}.kind", problems);
        var coverage = (seed.Coverage ?? []).Select((c, i) => Coverage(c, $"{at}.coverage[{i}]", problems)).OfType<DistrictCoverage>().ToList();
        if (seed.Coverage is not { Count: > 0 })
        {
            problems.Add($"{at}.coverage: an outlet must cover at least one district");
        }

        return Required(seed.Id, at, "id", problems) is { } id
               && Required(seed.Branch, at, "branch", problems) is { } branch
               && kind is { } k
            ? new Outlet(id, branch, seed.Name ?? "", k, seed.Provider, coverage)
            : null;
    }

    private static DistrictCoverage? Coverage(CoverageSeed seed, string at, List<string> problems) =>
        Required(seed.District, at, "district", problems) is { } district
        && Required(seed.TravelMinutes, at, "travelMinutes", problems) is { } minutes
        && Required(seed.DistanceKm, at, "distanceKm", problems) is { } km
            ? new DistrictCoverage(district, TimeSpan.FromMinutes(minutes), km)
            : null;

    private static Engineer? Engineer(EngineerSeed seed, string at, List<string> problems)
    {
        var skills = (seed.Skills ?? []).Select((s, i) => Named<Skill>(s, $"{at}.skills[{i}]", problems)).OfType<Skill>().ToHashSet();
        var shifts = (seed.Shifts ?? []).Select((s, i) => Shift(s, $"{at}.shifts[{i}]", problems)).OfType<Shift>().ToList();
        var durations = new Dictionary<OrderType, TimeSpan>();
        foreach (var (type, minutes) in seed.VisitMinutes ?? [])
        {
            if (Named<OrderType>(type, $"{at}.visitMinutes.{type}", problems) is { } orderType)
            {
                durations[orderType] = TimeSpan.FromMinutes(minutes);
            }
        }

        return Required(seed.Id, at, "id", problems) is { } id
               && Required(seed.Outlet, at, "outlet", problems) is { } outlet
               && Required(seed.DailyCapacity, at, "dailyCapacity", problems) is { } capacity
            ? new Engineer(id, seed.Name ?? "", outlet, skills, shifts, durations, capacity, seed.Active ?? true)
            : null;
    }

    private static Shift? Shift(ShiftSeed seed, string at, List<string> problems)
    {
        var days = seed.Days is null
            ? System.Enum.GetValues<DayOfWeek>().ToHashSet()
            : seed.Days.Select((d, i) => Day(d, $"{at}.days[{i}]", problems)).OfType<DayOfWeek>().ToHashSet();
        var start = Time(seed.Start, $"{at}.start", problems);
        var end = Time(seed.End, $"{at}.end", problems);
        return start is { } s && end is { } e ? new Shift(days, s, e) : null;
    }

    private static DayOfWeek? Day(string name, string at, List<string> problems)
    {
        var day = System.Enum.GetValues<DayOfWeek>().Where(d =>
            d.ToString().Equals(name, StringComparison.OrdinalIgnoreCase)
            || (name.Length == 3 && d.ToString().StartsWith(name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (day.Count == 1)
        {
            return day[0];
        }

        problems.Add($"{at}: '{name}' is not a weekday");
        return null;
    }

    private static TimeOnly? Time(string? text, string at, List<string> problems)
    {
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        problems.Add($"{at}: '{text}' is not a time of day HH:mm");
        return null;
    }

    private static TEnum? Named<TEnum>(string? text, string at, List<string> problems)
        where TEnum : struct, Enum
    {
        // Enum.TryParse also accepts numbers; a seed must name the value.
        if (text is not null && !text.Any(char.IsDigit) && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value))
        {
            return value;
        }

        problems.Add($"{at}: '{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
        return null;
    }

    private static T? Required<T>(T? value, string at, string field, List<string> problems)
        where T : class
    {
        if (value is string s && string.IsNullOrWhiteSpace(s) || value is null)
        {
            problems.Add($"{at}.{field}: required");
            return null;
        }

        return value;
    }

    private static T? Required<T>(T? value, string at, string field, List<string> problems)
        where T : struct
    {
        if (value is null)
        {
            problems.Add($"{at}.{field}: required");
        }

        return value;
    }
}
