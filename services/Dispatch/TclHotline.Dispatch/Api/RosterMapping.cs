using System.Globalization;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Validation;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Api;

/// <summary>Roster requests into the domain, naming every bad field; the network's own consistency is checked after.</summary>
internal static class RosterMapping
{
    public static Outlet ToDomain(Proto.Outlet? outlet, FieldErrors errors, string branchCode)
    {
        outlet ??= new Proto.Outlet();
        errors.Required("outlet.outlet_id", outlet.OutletId);
        errors.Required("outlet.name", outlet.Name);
        var kind = outlet.Kind.ByNameOrNull<OutletKind>();
        if (kind is null)
        {
            errors.Add("outlet.kind", "must be OWN or CONTRACTED");
        }

        var coverage = outlet.Coverage.Select((c, i) =>
        {
            if (c.TravelMinutes <= 0)
            {
                errors.Add($"outlet.coverage[{i}].travel_minutes", "must be positive");
            }

            return new DistrictCoverage(c.DistrictCode, TimeSpan.FromMinutes(c.TravelMinutes), (decimal)c.DistanceKm);
        }).ToList();
        return new Outlet(outlet.OutletId, branchCode, outlet.Name, kind ?? OutletKind.Own,
            string.IsNullOrWhiteSpace(outlet.ProviderName) ? null : outlet.ProviderName, coverage);
    }

    public static Engineer ToDomain(Proto.Engineer? engineer, FieldErrors errors, bool active)
    {
        engineer ??= new Proto.Engineer();
        errors.Required("engineer.engineer_id", engineer.EngineerId);
        errors.Required("engineer.name", engineer.Name);
        errors.Required("engineer.outlet_id", engineer.OutletId);
        var skills = new HashSet<Skill>();
        foreach (var (skill, i) in engineer.Skills.Select((s, i) => (s, i)))
        {
            if (skill.ByNameOrNull<Skill>() is { } s)
            {
                skills.Add(s);
            }
            else
            {
                errors.Add($"engineer.skills[{i}]", "is not a skill");
            }
        }

        var shifts = engineer.Shifts.Select((s, i) => Shift(s, errors, $"engineer.shifts[{i}]")).OfType<Shift>().ToList();
        var durations = new Dictionary<OrderType, TimeSpan>();
        foreach (var (duration, i) in engineer.VisitDurations.Select((d, i) => (d, i)))
        {
            if (duration.OrderType.ByNameOrNull<OrderType>() is { } type && duration.Minutes > 0)
            {
                durations[type] = TimeSpan.FromMinutes(duration.Minutes);
            }
            else
            {
                errors.Add($"engineer.visit_durations[{i}]", "needs an order type and positive minutes");
            }
        }

        return new Engineer(engineer.EngineerId, engineer.Name, engineer.OutletId, skills, shifts, durations, engineer.DailyCapacity, active);
    }

    private static Shift? Shift(Proto.Shift shift, FieldErrors errors, string at)
    {
        var days = shift.Days.Count == 0
            ? Enum.GetValues<DayOfWeek>().ToHashSet()
            : shift.Days.Select(d => d.ByNameOrNull<DayOfWeek>()).OfType<DayOfWeek>().ToHashSet();
        if (days.Count != shift.Days.Distinct().Count() && shift.Days.Count > 0)
        {
            errors.Add($"{at}.days", "has a day that is not a weekday");
        }

        var start = Clock(shift.Start, errors, $"{at}.start");
        var end = Clock(shift.End, errors, $"{at}.end");
        return start is { } s && end is { } e ? new Shift(days, s, e) : null;
    }

    private static TimeOnly? Clock(string text, FieldErrors errors, string field)
    {
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, "is not a time of day HH:mm");
        return null;
    }
}
