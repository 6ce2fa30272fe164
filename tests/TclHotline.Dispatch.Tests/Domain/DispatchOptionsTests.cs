using Microsoft.Extensions.Configuration;
using TclHotline.Dispatch.Domain;
using TclHotline.Dispatch.Domain.Network;

namespace TclHotline.Dispatch.Tests.Domain;

public class DispatchOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_numbers()
    {
        var options = new DispatchOptions();

        Assert.Equal(
            (TimeSpan.FromHours(24), TimeSpan.FromHours(2), 7, 3),
            (options.UrbanCommitment, options.AppointmentSlotLength, options.AppointmentDaysAhead, options.AppointmentSlotsOffered));
        Assert.Equal([0.5, 0.8], options.Warnings);
    }

    [Fact]
    public void Configuration_replaces_the_defaults_rather_than_adding_to_them()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dispatch:UrbanCommitment"] = "12:00:00",
            ["Dispatch:WarningFractions:0"] = "0.6",
            ["Dispatch:SkillByOrderType:PreSaleRepair"] = "Panel",
        }).Build();

        var options = configuration.GetSection(DispatchOptions.Section).Get<DispatchOptions>()!;

        Assert.Equal(TimeSpan.FromHours(12), options.UrbanCommitment);
        Assert.Equal([0.6], options.Warnings);
        Assert.Equal((Skill.Panel, Skill.Repair), (options.SkillByOrderType[OrderType.PreSaleRepair], options.SkillByOrderType[OrderType.Repair]));
    }
}
