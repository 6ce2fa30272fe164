using System.Text.Json;

namespace TclHotline.Cli.Tests.Functional;

/// <summary>What one run of the CLI wrote and returned.</summary>
public sealed record CliRun(int Exit, string Out, string Err)
{
    public JsonElement Json => JsonDocument.Parse(Out).RootElement;

    /// <summary>Runs the CLI in this process, as <c>tclhotline args…</c>, catching what it writes.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }
}
