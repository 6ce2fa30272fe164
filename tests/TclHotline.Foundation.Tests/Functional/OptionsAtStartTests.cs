using Microsoft.Extensions.Options;
using TclHotline.Complaints;
using TclHotline.Dispatch;
using TclHotline.Intake;
using TclHotline.Returns;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.Sla;
using TclHotline.Telephony;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Foundation.Tests.Functional;

/// <summary>Every module checks its options when the host starts: a bad number stops it there, naming the option.</summary>
public sealed class OptionsAtStartTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "intake", "Intake:MaxUnits", "-1" },
        { "intake", "Intake:Warranty:ReturnRightDays", "0" },
        { "dispatch", "Dispatch:AppointmentSlotsOffered", "0" },
        { "sla", "Sla:AtRiskMaxPageSize", "-5" },
        { "complaints", "Complaints:RaisedBySystem:RepeatCallsToRaise", "-1" },
        { "complaints", "Notifications:Delivery:ScanBatchSize", "0" },
        { "telephony", "Telephony:CallbackAfterWait", "-00:01:00" },
        { "returns", "Returns:Stock:AgingMonths", "-2" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_host_with_a_bad_option_value_refuses_to_start_and_names_the_option(string module, string key, string value)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(
            () => TestHost.StartAsync([Module(module)], settings: [new(key, value)]));

        Assert.Contains(key.Split(':')[^1], refused.Message, StringComparison.Ordinal);
    }

    private static IServiceModule Module(string name) => name switch
    {
        "intake" => new IntakeModule(),
        "dispatch" => new DispatchModule(),
        "sla" => new SlaModule(),
        "complaints" => new ComplaintsModule(),
        "telephony" => new TelephonyModule(),
        "returns" => new ReturnsModule(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a module"),
    };
}
