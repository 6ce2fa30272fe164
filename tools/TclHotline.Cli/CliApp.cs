using Grpc.Core;
using Grpc.Net.Client;
using TclHotline.Grpc.Intake.V1;

namespace TclHotline.Cli;

/// <summary>
/// The tclhotline command. Exit codes: 0 done, 2 bad input (usage or refused fields), 3 not found,
/// 4 unauthenticated or denied, 5 server unreachable, 1 anything else.
/// </summary>
public static class CliApp
{
    public const int Ok = 0, Failed = 1, BadInput = 2, NotFound = 3, Denied = 4, Unreachable = 5;
    public const string DefaultServer = "http://127.0.0.1:5080";

    private static readonly HashSet<string> SwitchNames =
        ["json", "help", "warranty-card", "installed-through-hotline"];

    public static readonly string Usage = $"""
        tclhotline <command> [options]

          register  (--file call.json | --caller N --name X --province P --city C --district D --type T ...)
                    --street --bracket company|customer --model --serial --purchase-date --invoice-number
                    --invoice-date --warranty-card --installation-date --installed-through-hotline
                    --production-date --fault-category --fault --visit-at 2026-11-28T09:00+08:00
                    --call-id --agent (default: the token's subject) --key --complaint-category --complaint
                    --related-order
          lookup <phone> [--calls N]
          show <order-number>
          list [--branch B --status S --type T --from yyyy-MM-dd --to yyyy-MM-dd --page-size N --page-token X]
          cancel <order-number> --reason "..." [--by who]
          token --role R --branch B --key K [--subject S] [--engineer E] [--dealer D]   (development tokens only)
        {ReturnsCommands.Usage}

        Options: --server URL (env TCLHOTLINE_SERVER, default http://127.0.0.1:5080, the standalone host; the intake
                 host alone listens on :5180, the returns host on :5580),
                 --token JWT (env TCLHOTLINE_TOKEN), --json for the contract's JSON.
        Exit codes: 0 ok, 2 bad input, 3 not found, 4 unauthenticated/denied, 5 server unreachable.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var server = DefaultServer;
        var service = "intake";
        try
        {
            var line = new CommandLine(args, SwitchNames);
            if (line.Positionals.Count == 0 || line.Switch("help"))
            {
                stdout.WriteLine(Usage);
                return line.Positionals.Count == 0 && !line.Switch("help") ? BadInput : Ok;
            }
            var output = new Output(stdout, line.Switch("json"));
            server = line.Option("server") ?? Environment.GetEnvironmentVariable("TCLHOTLINE_SERVER") ?? DefaultServer;
            var token = line.Option("token") ?? Environment.GetEnvironmentVariable("TCLHOTLINE_TOKEN");
            var command = line.Positionals[0];
            if (command == "returns")
                service = "returns";
            if (command == "token")
                return TokenCommand.Run(line, output);
            if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
                throw new UsageException($"--server must be an http(s) URL, not '{server}'.");

            using var channel = GrpcChannel.ForAddress(address);
            var client = new IntakeService.IntakeServiceClient(channel);
            var headers = string.IsNullOrEmpty(token) ? new Metadata() : new Metadata { { "Authorization", "Bearer " + token } };
            var call = new CallOptions(headers, DateTime.UtcNow.AddSeconds(30));
            return command switch
            {
                "returns" => await ReturnsCommands.RunAsync(line, new Grpc.Returns.V1.Returns.ReturnsClient(channel), call, output, stderr),
                "register" => await RegisterCommand.RunAsync(line, token, client, call, output),
                "lookup" => await OrderCommands.LookupAsync(line, client, call, output),
                "show" => await OrderCommands.ShowAsync(line, client, call, output),
                "list" => await OrderCommands.ListAsync(line, client, call, output),
                "cancel" => await OrderCommands.CancelAsync(line, client, call, output),
                _ => throw new UsageException($"Unknown command '{command}'. Run 'tclhotline --help'."),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine(e.Message);
            return BadInput;
        }
        catch (RpcException e)
        {
            return Report(e, service, server, stderr);
        }
    }

    private static int Report(RpcException e, string service, string server, TextWriter stderr)
    {
        switch (e.StatusCode)
        {
            case StatusCode.InvalidArgument:
                stderr.WriteLine("Refused: " + e.Status.Detail);
                return BadInput;
            case StatusCode.NotFound:
                stderr.WriteLine("Not found: " + e.Status.Detail);
                return NotFound;
            case StatusCode.Unauthenticated:
                stderr.WriteLine("Not signed in: pass --token or set TCLHOTLINE_TOKEN (a development token: tclhotline token --role agent --branch '*' --key <signing key>).");
                return Denied;
            case StatusCode.PermissionDenied:
                stderr.WriteLine("Denied: " + e.Status.Detail);
                return Denied;
            case StatusCode.Unavailable:
            case StatusCode.DeadlineExceeded:
                stderr.WriteLine($"Cannot reach the {service} service at {server}: is it running? Set --server or TCLHOTLINE_SERVER. ({e.Status.Detail})");
                return Unreachable;
            default:
                stderr.WriteLine($"{e.StatusCode}: {e.Status.Detail}");
                return Failed;
        }
    }
}
