using Xunit.Abstractions;

namespace TclHotline.EndToEnd.Tests.Harness;

/// <summary>Runs a scenario, printing the services' log tails when it fails and its call figures either way.</summary>
public static class ScenarioTrace
{
    public static async Task RunAsync(SystemUnderTest system, ITestOutputHelper output, string scenario, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception)
        {
            output.WriteLine(system.Tails());
            throw;
        }
        finally
        {
            system.Figures.Print(output, scenario);
        }
    }
}
