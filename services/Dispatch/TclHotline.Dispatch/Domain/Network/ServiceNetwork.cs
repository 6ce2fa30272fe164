namespace TclHotline.Dispatch.Domain.Network;

/// <summary>
/// The branches, outlets and engineers as one consistent picture. Build it with <see cref="Create"/>,
/// which refuses an inconsistent network and names every problem.
/// </summary>
public sealed class ServiceNetwork
{
    private readonly Dictionary<string, Branch> _branches;
    private readonly Dictionary<string, Outlet> _outlets;
    private readonly Dictionary<string, Engineer> _engineers;

    private ServiceNetwork(IEnumerable<Branch> branches, IEnumerable<Outlet> outlets, IEnumerable<Engineer> engineers)
    {
        _branches = branches.ToDictionary(b => b.Code, StringComparer.Ordinal);
        _outlets = outlets.ToDictionary(o => o.Id, StringComparer.Ordinal);
        _engineers = engineers.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<Branch> Branches => _branches.Values;

    public IReadOnlyCollection<Outlet> Outlets => _outlets.Values;

    public IReadOnlyCollection<Engineer> Engineers => _engineers.Values;

    /// <exception cref="InvalidNetworkException">The network breaks one or more of <see cref="NetworkConsistency"/>'s rules.</exception>
    public static ServiceNetwork Create(
        IEnumerable<Branch> branches,
        IEnumerable<Outlet> outlets,
        IEnumerable<Engineer> engineers,
        DispatchOptions options)
    {
        var branchList = branches.ToList();
        var outletList = outlets.ToList();
        var engineerList = engineers.ToList();
        var problems = NetworkConsistency.Problems(branchList, outletList, engineerList, options);
        if (problems.Count > 0)
        {
            throw new InvalidNetworkException(problems);
        }

        return new ServiceNetwork(branchList, outletList, engineerList);
    }

    public Branch? Branch(string code) => _branches.GetValueOrDefault(code);

    public Outlet? Outlet(string id) => _outlets.GetValueOrDefault(id);

    public Engineer? Engineer(string id) => _engineers.GetValueOrDefault(id);

    public Outlet OutletOf(Engineer engineer) => _outlets[engineer.OutletId];

    public Branch BranchOf(Engineer engineer) => _branches[OutletOf(engineer).BranchCode];

    /// <summary>
    /// Rule 1: the branch whose area the unit is used in, whoever sold it. A city-level area beats
    /// its province's, so "BR-43" and "CS" (4301) can both exist.
    /// </summary>
    public Branch? OwningBranch(string districtCode) =>
        _branches.Values
            .Select(branch => (branch, claim: branch.ClaimLength(districtCode)))
            .Where(x => x.claim > 0)
            .OrderByDescending(x => x.claim)
            .Select(x => x.branch)
            .FirstOrDefault();

    public IEnumerable<Engineer> EngineersOf(string outletId) =>
        _engineers.Values.Where(e => e.OutletId == outletId).OrderBy(e => e.Id, StringComparer.Ordinal);

    public ServiceNetwork WithOutlet(Outlet outlet, DispatchOptions options) =>
        Create(_branches.Values, _outlets.Values.Where(o => o.Id != outlet.Id).Append(outlet), _engineers.Values, options);

    public ServiceNetwork WithEngineer(Engineer engineer, DispatchOptions options) =>
        Create(_branches.Values, _outlets.Values, _engineers.Values.Where(e => e.Id != engineer.Id).Append(engineer), options);
}

public sealed class InvalidNetworkException(IReadOnlyList<string> problems)
    : Exception("The service network is inconsistent: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
