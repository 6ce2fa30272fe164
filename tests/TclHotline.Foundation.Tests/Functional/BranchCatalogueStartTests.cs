using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TclHotline.Foundation.Tests.Support;
using TclHotline.ServiceDefaults.Branches;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Foundation.Tests.Functional;

/// <summary>Every host reads the one catalogue: shipped with ServiceDefaults, changed by configuration, checked at start.</summary>
public sealed class BranchCatalogueStartTests
{
    [Fact]
    public async Task A_host_refuses_to_start_on_an_inconsistent_catalogue_and_names_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync([new LedgerModule()], settings:
        [
            new("Branches:ByCode:WH:TimeZone", "Mars/Olympus"),
            new("Branches:ByCode:WH:Areas:1", "4301"),
        ]));

        Assert.Contains("Branches:ByCode:WH:TimeZone: 'Mars/Olympus' is not a known IANA or Windows time zone id.", error.Failures);
        Assert.Contains("Branches:ByCode:WH:Areas:1: area '4301' is already owned by branch 'CS'; an area has one owner.", error.Failures);
    }

    [Fact]
    public async Task A_host_has_the_shipped_catalogue_with_its_configuration_on_top()
    {
        await using var host = await TestHost.StartAsync([new LedgerModule()], settings:
            TestBranches.Entry("SZ", "director-shenzhen", "manager-south", areas: ["4403"]));

        var catalogue = host.Services.GetRequiredService<BranchCatalogue>();

        Assert.Equal(["BR-43", "CS", "SZ", "WH"], catalogue.Branches.Select(b => b.Code).Order(StringComparer.Ordinal));
        Assert.Equal("director-shenzhen", catalogue.Owning("440305")?.ServiceDirector);
    }
}
