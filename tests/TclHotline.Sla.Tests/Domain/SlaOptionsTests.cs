using Microsoft.Extensions.Configuration;
using TclHotline.Sla.Domain;

namespace TclHotline.Sla.Tests.Domain;

public class SlaOptionsTests
{
    [Fact]
    public void Scanner_settings_have_their_documented_defaults_and_bind_from_the_sla_section()
    {
        var defaults = new SlaOptions();
        var configured = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sla:ScanBatchSize"] = "50",
                ["Sla:ClaimLease"] = "00:00:05",
                ["Sla:MaxSleep"] = "00:00:00.250",
                ["Sla:WatchBufferSize"] = "10",
                ["Sla:PendingCountInterval"] = "00:00:10",
            })
            .Build()
            .GetSection(SlaOptions.SectionName)
            .Get<SlaOptions>()!;

        Assert.Equal((1000, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), 1000, TimeSpan.FromSeconds(30)),
            (defaults.ScanBatchSize, defaults.ClaimLease, defaults.MaxSleep, defaults.WatchBufferSize, defaults.PendingCountInterval));
        Assert.Equal((50, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(250), 10, TimeSpan.FromSeconds(10)),
            (configured.ScanBatchSize, configured.ClaimLease, configured.MaxSleep, configured.WatchBufferSize, configured.PendingCountInterval));
    }

    [Fact]
    public void WarningFractions_default_to_50_and_80_percent()
    {
        Assert.Equal([0.5, 0.8], WarningFractions.From(new SlaOptions()).Ascending);
    }

    [Fact]
    public void WarningFractions_from_configuration_replace_the_default()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sla:WarningFractions:0"] = "0.9",
                ["Sla:WarningFractions:1"] = "0.6",
            })
            .Build();
        var options = configuration.GetSection(SlaOptions.SectionName).Get<SlaOptions>()!;

        Assert.Equal([0.6, 0.9], WarningFractions.From(options).Ascending);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void WarningFractions_outside_the_open_unit_interval_are_refused(double fraction)
    {
        Assert.Throws<ArgumentException>(() => WarningFractions.From(new SlaOptions { WarningFractions = [0.5, fraction] }));
    }

    [Fact]
    public void WarningFractions_repeated_are_refused()
    {
        Assert.Throws<ArgumentException>(() => WarningFractions.From(new SlaOptions { WarningFractions = [0.5, 0.5] }));
    }
}
