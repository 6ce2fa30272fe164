using TclHotline.Intake.Domain.Regions;
using TclHotline.Intake.Tests.Support;
using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Intake.Tests.Domain;

public class RegionCatalogueTests
{
    private static BranchCatalogue Branches(params (string Code, string Name, string[] Areas)[] branches) => new(new BranchOptions
    {
        ByCode = branches.ToDictionary(b => b.Code, b => new BranchSettings
        {
            Name = b.Name, TimeZone = "Asia/Shanghai", Areas = [.. b.Areas], ServiceDirector = "director", RegionalServiceManager = "manager",
        }),
    });

    [Fact]
    public void Catalogue_holds_every_district_of_the_source_data()
    {
        Assert.Equal(2978, Regions.Default.Districts.Count);
        var furong = Regions.Default.FindDistrict("430102")!;
        Assert.Equal(("芙蓉区", "4301", "长沙市", "43", "湖南省"),
            (furong.Name, furong.CityCode, furong.CityName, furong.ProvinceCode, furong.ProvinceName));
    }

    [Theory]
    [InlineData("110105", "BR-11", "北京市分公司")]
    [InlineData("441900", "BR-44", "广东省分公司")]
    public void Rule01_a_district_no_listed_branch_claims_is_owned_by_its_provinces_branch(string district, string code, string name)
    {
        var branch = Regions.Default.FindDistrict(district)!.Branch;
        Assert.Equal((code, name), (branch.Code, branch.Name));
        Assert.Equal("Asia/Shanghai", branch.TimeZone.Id);
    }

    [Theory]
    [InlineData("430102", "CS", "长沙分公司服务部")]       // every district of Changsha city, urban or not
    [InlineData("430121", "CS", "长沙分公司服务部")]
    [InlineData("430181", "CS", "长沙分公司服务部")]       // Liuyang, county-level city of Changsha
    [InlineData("430202", "BR-43", "湖南经营部服务部")]    // Zhuzhou stays with the province branch
    [InlineData("431102", "BR-43", "湖南经营部服务部")]    // Yongzhou
    public void Rule01_the_most_specific_area_of_the_branch_catalogue_wins(string district, string code, string name)
    {
        var branch = Regions.Default.FindDistrict(district)!.Branch;
        Assert.Equal((code, name), (branch.Code, branch.Name));
    }

    [Fact]
    public void Rule01_a_listed_province_branch_without_areas_names_the_province_branch()
    {
        var catalogue = RegionCatalogue.Load(new RegionOptions(), Branches(("BR-11", "北京服务部", [])));

        var branch = catalogue.FindDistrict("110105")!.Branch;

        Assert.Equal(("BR-11", "北京服务部"), (branch.Code, branch.Name));
    }

    [Theory]
    [InlineData("430102", AreaKind.Urban)]   // 芙蓉区, a district of Changsha
    [InlineData("110105", AreaKind.Urban)]   // 朝阳区, Beijing
    [InlineData("140109", AreaKind.Urban)]   // 万柏林区, a city district despite ending in 林区
    [InlineData("441900", AreaKind.Urban)]   // 东莞市, a city without districts
    [InlineData("430121", AreaKind.Remote)]  // 长沙县, county
    [InlineData("500229", AreaKind.Remote)]  // 城口县, Chongqing county
    [InlineData("430181", AreaKind.Remote)]  // 浏阳市, county-level city
    [InlineData("152527", AreaKind.Remote)]  // 太仆寺旗, banner
    [InlineData("150722", AreaKind.Remote)]  // 莫力达瓦达斡尔族自治旗, autonomous banner
    [InlineData("520203", AreaKind.Remote)]  // 六枝特区, special district
    [InlineData("429004", AreaKind.Remote)]  // 仙桃市, governed directly by the province
    [InlineData("429021", AreaKind.Remote)]  // 神农架林区, forestry district governed by the province
    [InlineData("659007", AreaKind.Remote)]  // 双河市
    [InlineData("460321", AreaKind.Remote)]  // 西沙群岛
    [InlineData("130672", AreaKind.Remote)]  // 保定白沟新城
    public void Rule02_city_districts_are_urban_and_the_rest_remote(string district, AreaKind expected)
    {
        Assert.Equal(expected, Regions.Default.FindDistrict(district)!.Area);
    }

    [Fact]
    public void Rule02_both_kinds_are_common_in_the_real_data()
    {
        var urban = Regions.Default.Districts.Count(d => d.Area == AreaKind.Urban);
        var remote = Regions.Default.Districts.Count(d => d.Area == AreaKind.Remote);
        // 区 ~1,100 of 2,978; counties, banners and county-level cities make up the rest.
        Assert.InRange(urban, 1000, 1200);
        Assert.Equal(2978, urban + remote);
    }

    [Theory]
    [InlineData("430121", AreaKind.Urban)]   // 长沙县 served as urban by configuration
    [InlineData("430102", AreaKind.Remote)]
    public void Rule03_configuration_overrides_the_class_per_district(string district, AreaKind overridden)
    {
        var catalogue = RegionCatalogue.Load(new RegionOptions { DistrictAreas = { [district] = overridden } }, BranchCatalogue.Shipped());
        Assert.Equal(overridden, catalogue.FindDistrict(district)!.Area);
        Assert.NotEqual(overridden, Regions.Default.FindDistrict(district)!.Area);
    }

    [Theory]
    [InlineData("43", "4301", "430102", null, null)]
    [InlineData("99", "4301", "430102", RegionLevel.Province, "'99' is not a known province code")]
    [InlineData("43", "4399", "430102", RegionLevel.City, "'4399' is not a known city code")]
    [InlineData("43", "4301", "430199", RegionLevel.District, "'430199' is not a known district code")]
    [InlineData("43", "4301", "", RegionLevel.District, "is required")]
    [InlineData("44", "4301", "430102", RegionLevel.City, "4301 is not in province 44")]
    [InlineData("43", "4302", "430102", RegionLevel.District, "430102 is not in city 4302")]
    public void Rule03_unknown_or_mismatched_codes_are_named_never_guessed(
        string province, string city, string district, RegionLevel? badLevel, string? message)
    {
        var resolution = Regions.Default.Resolve(province, city, district);
        if (badLevel is null)
        {
            Assert.Empty(resolution.Problems);
            Assert.Equal("430102", resolution.District!.Code);
            return;
        }
        Assert.Null(resolution.District);
        var problem = Assert.Single(resolution.Problems);
        Assert.Equal((badLevel.Value, message), (problem.Level, problem.Message));
    }

    [Fact]
    public void Rule03_every_bad_level_is_reported_at_once()
    {
        var resolution = Regions.Default.Resolve("00", "0000", "000000");
        Assert.Equal([RegionLevel.Province, RegionLevel.City, RegionLevel.District], resolution.Problems.Select(p => p.Level));
    }

    [Fact]
    public void Rule03_an_override_for_an_unknown_code_fails_at_load()
    {
        Assert.Throws<InvalidOperationException>(() => RegionCatalogue.Load(
            new RegionOptions { DistrictAreas = { ["999999"] = AreaKind.Urban } }, BranchCatalogue.Shipped()));
        var unknownArea = Assert.Throws<InvalidOperationException>(() => RegionCatalogue.Load(new RegionOptions(), Branches(("X", "X", ["9999"]))));
        Assert.StartsWith("Branches:ByCode:X:Areas: '9999'", unknownArea.Message);
    }
}
