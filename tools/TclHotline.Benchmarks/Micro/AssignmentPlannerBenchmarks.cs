using BenchmarkDotNet.Attributes;
using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;
using TclHotline.Dispatch.Seed;
using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Benchmarks.Micro;

/// <summary>
/// The planner over the shipped seed network: an urban Changsha repair on a quiet morning and on a busy
/// day (the bookings of the orders planned before it), and a remote order's appointment proposal.
/// </summary>
[MemoryDiagnoser]
public class AssignmentPlannerBenchmarks
{
    private static readonly DispatchOptions Options = new();
    private static readonly string[] UrbanDistricts = ["430102", "430103", "430104", "430105", "430111", "430112"];

    [Params(0, 60)]
    public int BookingsAlready { get; set; }

    private ServiceNetwork _network = null!;
    private AssignmentPlanner _planner = null!;
    private Schedule _schedule = Schedule.Empty;
    private DispatchOrder _urban = null!;
    private DispatchOrder _remote = null!;

    [GlobalSetup]
    public void Setup()
    {
        _network = new NetworkSeedParser(Options, BranchCatalogue.Shipped()).Parse(NetworkSeed.DefaultJson());
        // A weekday 09:00 in Changsha, when the day's calls start arriving.
        var morning = new DateTimeOffset(2025, 3, 12, 1, 0, 0, TimeSpan.Zero);
        _planner = new AssignmentPlanner(Options, new FixedClock(morning));
        _schedule = Schedule.Empty;
        for (var i = 0; i < BookingsAlready; i++)
        {
            var order = Order(UrbanDistricts[i % UrbanDistricts.Length], true, morning);
            if (_planner.Plan(_network, _schedule, order, _planner.Commitments.Urban(order.RegisteredAt)) is VisitAssigned assigned)
                _schedule = _schedule.With(assigned.Plan.ToBooking(Guid.NewGuid(), order.OrderId));
        }

        _urban = Order("430104", true, morning);
        _remote = Order("430181", false, morning);
    }

    [Benchmark(Baseline = true)]
    public AssignmentOutcome PlanUrbanRepair() => _planner.Plan(_network, _schedule, _urban, _planner.Commitments.Urban(_urban.RegisteredAt));

    [Benchmark]
    public AppointmentProposal ProposeRemoteAppointments() => _planner.ProposeAppointments(_network, _schedule, _remote);

    private static DispatchOrder Order(string district, bool urban, DateTimeOffset at) =>
        new(Guid.NewGuid(), OrderType.Repair, "CS", district, urban, at, FaultCategory: "Picture");

    /// <summary>Plans always run "now"; a fixed instant keeps every iteration on the same morning.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
