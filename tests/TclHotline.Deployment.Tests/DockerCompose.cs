using System.Diagnostics;

namespace TclHotline.Deployment.Tests;

/// <summary>Runs the real docker-compose binary (Debian's package; ./test.sh installs it) on the repository's compose file.</summary>
public static class DockerCompose
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>docker-compose with the checked-in .env.example as its secrets, and the given arguments.</summary>
    public static Result Run(string envFile, params string[] args)
    {
        var binary = FindBinary()
            ?? throw new InvalidOperationException(
                "docker-compose is not installed: install Debian's docker-compose package (./test.sh does; CI has it).");
        var info = new ProcessStartInfo(binary)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["--env-file", envFile, "-f", "docker-compose.yml", .. args]) info.ArgumentList.Add(a);
        // Only the env file may supply the secrets, not whatever the machine running the tests has set.
        foreach (var name in info.Environment.Keys.Where(k => k.EndsWith("_PASSWORD", StringComparison.Ordinal) || k.StartsWith("JWT_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(name);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"docker-compose {string.Join(' ', args)} took over 60 s");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    private static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "docker-compose"))
            .FirstOrDefault(File.Exists);
}
