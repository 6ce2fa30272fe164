using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TclHotline.Intake;
using TclHotline.Testing;

namespace TclHotline.Cli.Tests.Functional;

/// <summary>
/// One intake host shared by a test class, on a clock fixed at 2025-06-01 10:00 Beijing time (advancing a little on
/// every reading, so instants stay ordered); tests keep apart by their own phone numbers and serials.
/// </summary>
public sealed class IntakeHostFixture : IAsyncLifetime
{
    private static int next;

    public TestHost Host { get; private set; } = null!;

    /// <summary>A unique mainland mobile number.</summary>
    public static string Phone() => "139" + Interlocked.Increment(ref next).ToString("D8");

    /// <summary>A unique serial whose characters 7–10 say March 2024 (the default serial format).</summary>
    public static string Serial() => "55P71C2403S" + Interlocked.Increment(ref next).ToString("D5");

    public async Task InitializeAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(8)))
        {
            AutoAdvanceAmount = TimeSpan.FromMilliseconds(1),
        };
        Host = await TestHost.StartAsync([new IntakeModule()], configure: b => b.Services.AddSingleton<TimeProvider>(clock));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
