using System.Globalization;
using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Network;

namespace TclHotline.Dispatch.Tests.Domain;

/// <summary>
/// A small network the planner tests control fully: branches CS (4301) and WH (4201), outlets and
/// engineers added per test. Every visit takes <c>visitMinutes</c> whatever its type.
/// </summary>
internal sealed class NetworkBuilder
{
    private readonly List<Branch> _branches =
    [
        new("CS", "长沙分公司服务部", "Asia/Shanghai", "周建国", ["4301"]),
        new("WH", "武汉分公司服务部", "Asia/Shanghai", "陈丽华", ["4201"]),
    ];

    private readonly List<Outlet> _outlets = [];
    private readonly List<Engineer> _engineers = [];

    public DispatchOptions Options { get; } = new();

    public NetworkBuilder Branch(string code, string timeZoneId, string area)
    {
        _branches.Add(new(code, $"branch {code}", timeZoneId, $"director {code}", [area]));
        return this;
    }

    public NetworkBuilder Outlet(string id, params (string District, int TravelMinutes)[] coverage) =>
        Outlet(id, "CS", coverage);

    public NetworkBuilder Outlet(string id, string branch, params (string District, int TravelMinutes)[] coverage)
    {
        _outlets.Add(new Outlet(id, branch, $"outlet {id}", OutletKind.Own, null,
            coverage.Select(c => new DistrictCoverage(c.District, TimeSpan.FromMinutes(c.TravelMinutes), c.TravelMinutes / 2m)).ToList()));
        return this;
    }

    /// <param name="shift">"HH:mm-HH:mm" in branch time; an end before the start crosses midnight.</param>
    /// <param name="days">Weekdays the shift starts on; every day when null.</param>
    public NetworkBuilder Engineer(
        string id,
        string outlet,
        string shift = "08:00-18:00",
        int capacity = 5,
        Skill[]? skills = null,
        bool active = true,
        int visitMinutes = 60,
        DayOfWeek[]? days = null)
    {
        var parts = shift.Split('-');
        var workShift = new Shift(
            (days ?? Enum.GetValues<DayOfWeek>()).ToHashSet(),
            TimeOnly.Parse(parts[0], CultureInfo.InvariantCulture),
            TimeOnly.Parse(parts[1], CultureInfo.InvariantCulture));
        _engineers.Add(new Engineer(id, $"engineer {id}", outlet, (skills ?? [Skill.Repair]).ToHashSet(), [workShift],
            Enum.GetValues<OrderType>().ToDictionary(t => t, _ => TimeSpan.FromMinutes(visitMinutes)), capacity, active));
        return this;
    }

    public ServiceNetwork Build() => ServiceNetwork.Create(_branches, _outlets, _engineers, Options);
}
