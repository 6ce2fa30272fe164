using System.Diagnostics;
using TclHotline.Testing;

namespace TclHotline.Deployment.Tests;

/// <summary>The scripts compose and the local run execute: they parse (no SQL Server or Docker runs here).</summary>
public sealed class InitScriptTests
{
    [Theory]
    [InlineData("intake")]
    [InlineData("complaints")]
    [InlineData("telephony")]
    [InlineData("returns")]
    public void Create_database_script_parses_as_TSql_for_each_service(string service)
    {
        var sql = Repository.Read("deploy/sqlserver/create-database.sql")
            .Replace("$(Service)", service, StringComparison.Ordinal)
            .Replace("$(Password)", "Example-Password-1", StringComparison.Ordinal);

        Assert.DoesNotContain("$(", sql, StringComparison.Ordinal);
        Assert.Empty(SqlServerSyntax.Errors(sql));
    }

    [Theory]
    [InlineData("deploy/local/start.sh", true)]
    [InlineData("deploy/local/stop.sh", true)]
    [InlineData("deploy/local/common.sh", false)]
    [InlineData("deploy/local/start-repeatedly.sh", true)]
    [InlineData("deploy/rabbitmq/configure.sh", true)]
    [InlineData("deploy/rabbitmq/entrypoint.sh", true)]
    [InlineData("deploy/sqlserver/create-databases.sh", true)]
    public void Shell_script_is_valid_bash_and_runnable_where_run_directly(string script, bool runDirectly)
    {
        // entrypoint.sh and configure.sh are run from a read-only mount in the broker's container: the mode counts.
        if (runDirectly && !OperatingSystem.IsWindows())
            Assert.True(File.GetUnixFileMode(Repository.PathOf(script)).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable");

        var info = new ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-n");
        info.ArgumentList.Add(Repository.PathOf(script));
        using var bash = Process.Start(info)!;
        var error = bash.StandardError.ReadToEnd();
        bash.WaitForExit();

        Assert.True(bash.ExitCode == 0, $"{script}: {error}");
    }
}
