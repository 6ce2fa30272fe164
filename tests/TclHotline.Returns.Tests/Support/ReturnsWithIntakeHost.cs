using TclHotline.Intake;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Returns.Tests.Support;

/// <summary>Intake beside the returns service: the pre-sale repair order is opened by intake from the bus.</summary>
public sealed class ReturnsWithIntakeHost : ReturnsHost
{
    protected override IServiceModule[] Modules => [new IntakeModule(), new ReturnsModule()];

    /// <summary>Intake's region catalogue gives the dealers' cities to their branches.</summary>
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => IntakeRegions;

    public static IReadOnlyList<KeyValuePair<string, string?>> IntakeRegions { get; } =
    [
        new("Intake:Regions:CityBranches:4301:Code", Changsha), new("Intake:Regions:CityBranches:4301:Name", "长沙分公司服务部"),
        new("Intake:Regions:CityBranches:4201:Code", Wuhan), new("Intake:Regions:CityBranches:4201:Name", "武汉分公司服务部"),
    ];
}
