using System.Diagnostics;

namespace TclHotline.Deployment.Tests;

/// <summary>
/// Runs the deployment's own init scripts with a recording stand-in for the tool they drive (rabbitmqctl,
/// sqlcmd; neither a broker nor SQL Server runs here), in the environment docker-compose gives them, and
/// returns what they asked the tool to do.
/// </summary>
public static class InitScripts
{
    public sealed record Permissions(string Configure, string Write, string Read);

    /// <summary>The permissions deploy/rabbitmq/configure.sh gives each user, run with the broker container's environment.</summary>
    public static IReadOnlyDictionary<string, Permissions> BrokerPermissions => Broker.Value;

    /// <summary>The databases deploy/sqlserver/create-databases.sh creates (create-database.sql with Service=…), run as the init container.</summary>
    public static IReadOnlyList<string> CreatedDatabases => Databases.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, Permissions>> Broker = new(() =>
    {
        var calls = Run("deploy/rabbitmq/configure.sh", "RABBITMQCTL", DeploymentSettings.ComposeEnvironment("rabbitmq"));
        var permissions = new Dictionary<string, Permissions>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            var set = Array.IndexOf(call, "set_permissions");
            if (set < 0) continue;
            var args = call[(set + 1)..].ToList();
            var vhost = args.IndexOf("-p");
            if (vhost >= 0) args.RemoveRange(vhost, 2);
            permissions[args[0]] = new Permissions(args[1], args[2], args[3]);
        }
        return permissions;
    });

    private static readonly Lazy<IReadOnlyList<string>> Databases = new(() =>
    {
        var environment = DeploymentSettings.ComposeEnvironment("sqlserver-init");
        var calls = Run("deploy/sqlserver/create-databases.sh", "SQLCMD", environment);
        return [.. calls.Where(c => c.Contains("-i") && c.Any(a => a.EndsWith("create-database.sql", StringComparison.Ordinal)))
            .Select(c => c.Single(a => a.StartsWith("Service=", StringComparison.Ordinal))["Service=".Length..])];
    });

    /// <summary>Runs a script with <paramref name="toolVariable"/> pointing at a stand-in that records its arguments and succeeds.</summary>
    private static List<string[]> Run(string script, string toolVariable, IReadOnlyDictionary<string, string> environment)
    {
        var dir = Directory.CreateTempSubdirectory("tclhotline-init-").FullName;
        try
        {
            var log = Path.Combine(dir, "calls");
            var tool = Path.Combine(dir, "tool");
            // One call per line, its arguments separated by the unit separator (none of them holds one).
            File.WriteAllText(tool, "#!/usr/bin/env bash\n{ printf '%s\\x1f' \"$@\"; printf '\\n'; } >> \"" + log + "\"\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(Repository.PathOf(script));
            foreach (var (key, value) in environment) info.Environment[key] = value;
            info.Environment[toolVariable] = tool;
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), $"{script} did not finish");
            Assert.True(process.ExitCode == 0, $"{script} failed ({process.ExitCode}) with the compose environment: {output.Result} {error.Result}");
            return [.. File.ReadAllLines(log).Select(l => l.Split('\x1f', StringSplitOptions.RemoveEmptyEntries))];
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
