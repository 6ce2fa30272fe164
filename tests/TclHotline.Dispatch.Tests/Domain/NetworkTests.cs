using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Seed;
using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Dispatch.Tests.Domain;

public class NetworkTests
{
    private static readonly ServiceNetwork Seeded = new NetworkSeedParser(new DispatchOptions(), BranchCatalogue.Shipped()).Parse(NetworkSeed.DefaultJson());

    [Theory]
    // Changsha city districts and counties belong to CS, whoever sold the unit.
    [InlineData("430104", "CS")]
    [InlineData("430181", "CS")]
    [InlineData("420106", "WH")]
    // Zhuzhou (4302) is not Changsha: the Hunan province branch.
    [InlineData("430202", "BR-43")]
    // Guangzhou: no branch in this network.
    [InlineData("440103", null)]
    public void Rule01_the_unit_is_served_by_the_branch_whose_area_it_is_used_in(string district, string? branch)
    {
        Assert.Equal(branch, Seeded.OwningBranch(district)?.Code);
    }

    [Fact]
    public void Seed_describes_the_Changsha_branch_with_own_and_contracted_outlets_and_about_ten_engineers()
    {
        var cs = Seeded.Branch("CS")!;
        var outlets = Seeded.Outlets.Where(o => o.BranchCode == "CS").ToList();
        var engineers = outlets.SelectMany(o => Seeded.EngineersOf(o.Id)).ToList();

        Assert.Equal(("Asia/Shanghai", "周建国"), (cs.TimeZoneId, cs.ServiceDirector));
        Assert.InRange(outlets.Count, 3, 4);
        Assert.Contains(outlets, o => o.Kind == OutletKind.Own);
        Assert.Contains(outlets, o => o.Kind == OutletKind.Contracted && !string.IsNullOrEmpty(o.ProviderName));
        Assert.InRange(engineers.Count, 9, 11);
        Assert.Contains(engineers, e => e.Shifts.Any(s => s.CrossesMidnight));
        Assert.Contains(engineers, e => !e.Active);
        // Every urban Changsha district is covered by some active repair engineer.
        foreach (var district in new[] { "430102", "430103", "430104", "430105", "430111", "430112" })
        {
            Assert.Contains(engineers, e => e.Active && e.Skills.Contains(Skill.Repair)
                && Seeded.OutletOf(e).CoverageOf(district) is not null);
        }
    }

    [Fact]
    public void Seed_branch_codes_are_the_ones_intake_uses()
    {
        // Intake: Changsha city 4301 → CS, Wuhan city 4201 → WH, other areas BR-<province>.
        foreach (var branch in Seeded.Branches)
        {
            foreach (var area in branch.Areas)
            {
                var expected = area switch { "4301" => "CS", "4201" => "WH", _ => "BR-" + area[..2] };
                Assert.Equal(expected, branch.Code);
            }
        }

        Assert.True(Seeded.Branches.Count >= 2);
    }

    [Fact]
    public void Roster_changes_are_checked_like_the_seed()
    {
        var options = new DispatchOptions();
        var e01 = Seeded.Engineer("CS-E01")!;

        var moved = Assert.Throws<InvalidNetworkException>(() => Seeded.WithEngineer(e01 with { OutletId = "NOPE" }, options));
        var deactivated = Seeded.WithEngineer(e01 with { Active = false }, options);

        Assert.Contains("engineer CS-E01: outlet 'NOPE' is unknown", moved.Problems);
        Assert.False(deactivated.Engineer("CS-E01")!.Active);
        Assert.True(Seeded.Engineer("CS-E01")!.Active);
    }
}
