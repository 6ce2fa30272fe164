using Microsoft.Extensions.Configuration;
using TclHotline.ServiceDefaults.Branches;
using Xunit;

namespace TclHotline.Foundation.Tests.Domain;

public sealed class BranchCatalogueTests
{
    private static BranchSettings Valid(params string[] areas) => new()
    {
        Name = "长沙分公司服务部", TimeZone = "Asia/Shanghai", Areas = [.. areas], ServiceDirector = "周建国", RegionalServiceManager = "王海",
    };

    private static BranchOptions Options(params (string Code, BranchSettings Branch)[] branches)
    {
        var options = new BranchOptions();
        foreach (var (code, branch) in branches) options.ByCode.Add(code, branch);
        return options;
    }

    [Fact]
    public void The_shipped_catalogue_is_consistent_and_lists_the_branches_with_their_owners()
    {
        var catalogue = BranchCatalogue.Shipped();

        Assert.Equal(["BR-43", "CS", "WH"], catalogue.Branches.Select(b => b.Code).Order(StringComparer.Ordinal));
        var cs = catalogue.Find("CS")!;
        Assert.Equal(("长沙分公司服务部", "Asia/Shanghai", "周建国"), (cs.Name, cs.TimeZone.Id, cs.ServiceDirector));
        Assert.NotEmpty(cs.RegionalServiceManager);
    }

    [Theory]
    [InlineData("430102", "CS")]     // Changsha city: the city branch, inside the province branch's area
    [InlineData("430202", "BR-43")]  // Zhuzhou: the province branch
    [InlineData("420106", "WH")]
    [InlineData("440106", null)]     // Guangzhou: nobody listed
    public void Rule01_the_most_specific_area_owns_a_district(string district, string? owner) =>
        Assert.Equal(owner, BranchCatalogue.Shipped().Owning(district)?.Code);

    [Fact]
    public void A_district_area_beats_its_city_and_province()
    {
        var catalogue = new BranchCatalogue(Options(("CS", Valid("4301")), ("CS-FR", Valid("430102")), ("BR-43", Valid("43"))));

        Assert.Equal(("CS-FR", "CS", "BR-43"),
            (catalogue.Owning("430102")?.Code, catalogue.Owning("430103")?.Code, catalogue.Owning("430202")?.Code));
    }

    [Fact]
    public void A_province_nobody_lists_is_served_by_its_province_branch_in_the_default_zone()
    {
        var (code, name, zone) = BranchCatalogue.Shipped().ProvinceBranch("44", "广东省");

        Assert.Equal(("BR-44", "广东省分公司", "Asia/Shanghai"), (code, name, zone.Id));
    }

    [Fact]
    public void A_time_zone_is_the_branchs_own_and_the_default_for_an_unlisted_branch()
    {
        var urumqi = Valid("65");
        urumqi.TimeZone = "Asia/Urumqi";
        var catalogue = new BranchCatalogue(Options(("XJ", urumqi)));

        Assert.Equal(("Asia/Urumqi", "Asia/Shanghai"), (catalogue.TimeZoneOf("XJ").Id, catalogue.TimeZoneOf("ELSEWHERE").Id));
    }

    [Fact]
    public void A_Windows_time_zone_id_is_accepted_like_an_IANA_one()
    {
        var branch = Valid("43");
        branch.TimeZone = "China Standard Time";

        Assert.Empty(BranchCatalogue.Problems(Options(("BR-43", branch))));
    }

    [Fact]
    public void A_code_listed_twice_differing_only_in_case_is_refused_naming_the_key()
    {
        var problems = BranchCatalogue.Problems(Options(("CS", Valid("4301")), ("cs", Valid("4201"))));

        Assert.Equal(["Branches:ByCode:cs: the code duplicates branch 'CS' (codes differing only in case are the same branch to people)."], problems);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_naming_the_key()
    {
        var branch = Valid("4301");
        branch.TimeZone = "Mars/Olympus";

        var problem = Assert.Single(BranchCatalogue.Problems(Options(("CS", branch))));

        Assert.Equal("Branches:ByCode:CS:TimeZone: 'Mars/Olympus' is not a known IANA or Windows time zone id.", problem);
    }

    [Fact]
    public void An_area_owned_by_two_branches_is_refused_naming_the_key()
    {
        var problem = Assert.Single(BranchCatalogue.Problems(Options(("CS", Valid("4301")), ("XX", Valid("4201", "4301")))));

        Assert.Equal("Branches:ByCode:XX:Areas:1: area '4301' is already owned by branch 'CS'; an area has one owner.", problem);
    }

    [Fact]
    public void A_branch_without_escalation_owners_is_refused_naming_each_key()
    {
        var branch = Valid("4301");
        branch.ServiceDirector = "";
        branch.RegionalServiceManager = " ";

        var problems = BranchCatalogue.Problems(Options(("CS", branch)));

        Assert.Equal(["Branches:ByCode:CS:ServiceDirector: required.", "Branches:ByCode:CS:RegionalServiceManager: required."], problems);
    }

    [Theory]
    [InlineData("430")]
    [InlineData("43a1")]
    [InlineData("4301021")]
    public void An_area_that_is_no_province_city_or_district_code_is_refused(string area) =>
        Assert.Equal($"Branches:ByCode:CS:Areas:0: '{area}' is not a province, city or district code (2, 4 or 6 digits).",
            Assert.Single(BranchCatalogue.Problems(Options(("CS", Valid(area))))));

    [Fact]
    public void Building_an_inconsistent_catalogue_fails_with_every_problem()
    {
        var branch = Valid("4301");
        branch.TimeZone = "Mars/Olympus";
        branch.ServiceDirector = "";

        var error = Assert.Throws<InvalidOperationException>(() => new BranchCatalogue(Options(("CS", branch))));

        Assert.Contains("Branches:ByCode:CS:TimeZone", error.Message);
        Assert.Contains("Branches:ByCode:CS:ServiceDirector", error.Message);
    }

    [Fact]
    public void A_later_configuration_source_changes_and_adds_branches_over_the_shipped_file()
    {
        var configuration = new ConfigurationBuilder()
            .AddShippedBranches()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Branches:ByCode:CS:ServiceDirector"] = "director-changsha",
                ["Branches:ByCode:SZ:Name"] = "深圳分公司服务部",
                ["Branches:ByCode:SZ:TimeZone"] = "Asia/Shanghai",
                ["Branches:ByCode:SZ:Areas:0"] = "4403",
                ["Branches:ByCode:SZ:ServiceDirector"] = "director-shenzhen",
                ["Branches:ByCode:SZ:RegionalServiceManager"] = "manager-south",
            })
            .Build();

        var catalogue = BranchCatalogue.From(configuration);

        Assert.Equal(("director-changsha", "长沙分公司服务部"), (catalogue.Find("CS")!.ServiceDirector, catalogue.Find("CS")!.Name));
        Assert.Equal("SZ", catalogue.Owning("440305")?.Code);
    }
}
