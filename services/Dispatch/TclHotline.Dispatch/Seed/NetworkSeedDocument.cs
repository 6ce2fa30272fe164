namespace TclHotline.Dispatch.Seed;

// The seed file's shape, as written by people: everything optional here so that a missing field
// is reported by the parser with its path rather than as a deserializer exception.
// The branches are not here: they come from the branch catalogue (configuration section "Branches").
internal sealed record NetworkSeedDocument(
    List<OutletSeed>? Outlets,
    List<EngineerSeed>? Engineers);

internal sealed record OutletSeed(string? Id, string? Branch, string? Name, string? Kind, string? Provider, List<CoverageSeed>? Coverage);

internal sealed record CoverageSeed(string? District, int? TravelMinutes, decimal? DistanceKm);

internal sealed record EngineerSeed(
    string? Id,
    string? Name,
    string? Outlet,
    List<string>? Skills,
    List<ShiftSeed>? Shifts,
    Dictionary<string, int>? VisitMinutes,
    int? DailyCapacity,
    bool? Active);

/// <param name="Days">Weekdays the shift starts on ("Mon" or "Monday"); omitted means every day.</param>
internal sealed record ShiftSeed(List<string>? Days, string? Start, string? End);
