using TclHotline.Testing;
using ReturnsModule = TclHotline.Returns.ReturnsModule;

namespace TclHotline.Cli.Tests.Functional;

/// <summary>A returns host for the CLI: two dealers of the Changsha branch, one of Wuhan, the tests' clock.</summary>
public sealed class ReturnsHostFixture : IAsyncLifetime
{
    public const string Dealer = "CS-CLI-001", OtherDealer = "CS-CLI-002", WuhanDealer = "WH-CLI-001";

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync([new ReturnsModule()], settings:
    [
        new("Returns:Dealers:" + Dealer + ":Name", "国美电器长沙五一店"),
        new("Returns:Dealers:" + Dealer + ":Branch", "CS"),
        new("Returns:Dealers:" + Dealer + ":DistrictCode", "430102"),
        new("Returns:Dealers:" + OtherDealer + ":Name", "苏宁易购长沙芙蓉店"),
        new("Returns:Dealers:" + OtherDealer + ":Branch", "CS"),
        new("Returns:Dealers:" + OtherDealer + ":DistrictCode", "430102"),
        new("Returns:Dealers:" + WuhanDealer + ":Name", "武汉中商"),
        new("Returns:Dealers:" + WuhanDealer + ":Branch", "WH"),
        new("Returns:Dealers:" + WuhanDealer + ":DistrictCode", "420102"),
    ], clock: TestClock.Shared);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
