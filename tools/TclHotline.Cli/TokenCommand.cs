using TclHotline.ServiceDefaults.Security;

namespace TclHotline.Cli;

/// <summary>Mints a development token with the signing key the caller must already know: never a default key.</summary>
public static class TokenCommand
{
    public static int Run(CommandLine line, Output output)
    {
        var role = line.Required("role");
        if (!HotlineRoles.All.Contains(role))
            throw new UsageException($"--role must be one of {string.Join(", ", HotlineRoles.All)}.");
        var branch = line.Required("branch");
        var key = line.Required("key");
        if (key.Length < 32)
            throw new UsageException("--key must be the service's signing key (at least 32 characters).");
        var subject = line.Option("subject") ?? "cli-" + role;
        var engineer = line.Option("engineer");
        var dealer = line.Option("dealer");
        if (role == HotlineRoles.Dealer && string.IsNullOrEmpty(dealer))
            throw new UsageException("--dealer is required with --role dealer: the token names the dealer whose units it sees.");
        line.EnsureAllRead();
        output.Line(DevelopmentTokens.Mint(key, subject, [role], branch, engineer, dealerId: dealer));
        return CliApp.Ok;
    }
}
