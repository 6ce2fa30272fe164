using TclHotline.Cli;
using TclHotline.Testing;

namespace TclHotline.Cli.Tests.Functional;

/// <summary>The agent CLI against a real intake host: output, JSON for scripts, and exit codes.</summary>
public sealed class CliTests(IntakeHostFixture fixture) : IClassFixture<IntakeHostFixture>
{
    private readonly TestHost intake = fixture.Host;

    private static Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(args);

    private string[] As(params string[] args) =>
        [.. args, "--server", intake.GrpcAddress, "--token", TestTokens.For("agent")];

    private string[] RepairFlags(string phone, string serial) => As(
        "register", "--caller", phone, "--name", "李四", "--province", "43", "--city", "4301", "--district", "430102",
        "--street", "解放西路 8 号", "--type", "repair", "--model", "65Q10G", "--serial", serial,
        "--purchase-date", "2025-03-01", "--invoice-number", "INV-1", "--invoice-date", "2025-03-01", "--warranty-card",
        "--fault-category", "main-board", "--fault", "No power", "--agent", "A0007", "--json");

    [Fact]
    public async Task Register_show_list_and_lookup_work_against_the_service()
    {
        var phone = IntakeHostFixture.Phone();
        var register = await RunAsync(RepairFlags(phone, IntakeHostFixture.Serial()));
        Assert.True(register.Exit == CliApp.Ok, register.Err);
        var number = register.Json.GetProperty("order").GetProperty("orderNumber").GetString()!;
        Assert.Equal("ORDER_STATUS_OPEN", register.Json.GetProperty("order").GetProperty("status").GetString());

        var show = await RunAsync(As("show", number));
        Assert.Equal(CliApp.Ok, show.Exit);
        Assert.Contains(number, show.Out);
        Assert.Contains("main-board: No power", show.Out);

        var list = await RunAsync(As("list", "--branch", "CS", "--type", "repair", "--status", "open", "--page-size", "500", "--json"));
        Assert.Equal(CliApp.Ok, list.Exit);
        Assert.Contains(list.Json.GetProperty("orders").EnumerateArray(), o => o.GetProperty("orderNumber").GetString() == number);

        var lookup = await RunAsync(As("lookup", phone));
        Assert.Equal(CliApp.Ok, lookup.Exit);
        Assert.Contains("李四", lookup.Out);
        Assert.Contains(number, lookup.Out);
    }

    [Fact]
    public async Task Register_from_a_json_file_and_a_repeat_call_links()
    {
        var phone = IntakeHostFixture.Phone();
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, $$"""
                { "agentId": "A0007", "callerNumber": "{{phone}}", "customerName": "王五", "provinceCode": "43",
                  "cityCode": "4301", "districtCode": "430121", "streetAddress": "星沙大道 1 号",
                  "orderType": "ORDER_TYPE_INSTALLATION", "productModel": "75C845" }
                """);
            var first = await RunAsync(As("register", "--file", file));
            Assert.True(first.Exit == CliApp.Ok, first.Err);
            Assert.Contains("registered", first.Out);
            Assert.Contains("remote", first.Out);

            var repeat = await RunAsync(As("register", "--file", file, "--json"));
            Assert.Equal(CliApp.Ok, repeat.Exit);
            Assert.True(repeat.Json.GetProperty("repeatCall").GetBoolean());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Exit_codes_say_what_went_wrong()
    {
        var unreachable = await RunAsync("show", "SO20250601-000001", "--server", $"http://127.0.0.1:{FreePort.Next()}", "--token", "x");
        Assert.Equal(CliApp.Unreachable, unreachable.Exit);
        Assert.Contains("Cannot reach the intake service", unreachable.Err);

        var anonymous = await RunAsync("show", "SO20250601-000001", "--server", intake.GrpcAddress);
        Assert.Equal(CliApp.Denied, anonymous.Exit);
        Assert.Contains("--token", anonymous.Err);

        var missing = await RunAsync(As("show", "SO19990101-000001"));
        Assert.Equal(CliApp.NotFound, missing.Exit);

        var refused = await RunAsync(As("register", "--caller", "123", "--type", "repair"));
        Assert.Equal(CliApp.BadInput, refused.Exit);
        Assert.Contains("caller_number", refused.Err);

        var typo = await RunAsync(As("list", "--brnach", "CS"));
        Assert.Equal(CliApp.BadInput, typo.Exit);
        Assert.Contains("--brnach", typo.Err);
    }

    [Fact]
    public async Task Token_is_minted_only_with_the_key_and_is_accepted()
    {
        var noKey = await RunAsync("token", "--role", "agent", "--branch", "*");
        Assert.Equal(CliApp.BadInput, noKey.Exit);

        var minted = await RunAsync("token", "--role", "dispatcher", "--branch", "CS", "--key", TestTokens.SigningKey);
        Assert.Equal(CliApp.Ok, minted.Exit);
        var list = await RunAsync("list", "--json", "--server", intake.GrpcAddress, "--token", minted.Out.Trim());
        Assert.Equal(CliApp.Ok, list.Exit);
        Assert.All(list.Json.GetProperty("orders").EnumerateArray(), o => Assert.Equal("CS", o.GetProperty("branchCode").GetString()));
    }

    [Fact]
    public async Task Register_records_the_signed_in_agent_not_the_operating_system_user()
    {
        string[] Call(string token, params string[] extra) =>
        [
            "register", "--caller", IntakeHostFixture.Phone(), "--name", "赵六", "--province", "43", "--city", "4301", "--district", "430102",
            "--street", "芙蓉中路 2 号", "--type", "installation", "--model", "75C845", "--json",
            "--server", intake.GrpcAddress, "--token", token, .. extra,
        ];
        var signedIn = TestTokens.For("agent", subject: "A0042");

        var fromToken = await RunAsync(Call(signedIn));
        Assert.True(fromToken.Exit == CliApp.Ok, fromToken.Err);
        Assert.Equal("A0042", fromToken.Json.GetProperty("order").GetProperty("agentId").GetString());

        // The server records the token's subject whatever the request names: --agent cannot pose as another agent.
        var named = await RunAsync(Call(signedIn, "--agent", "A0007"));
        Assert.True(named.Exit == CliApp.Ok, named.Err);
        Assert.Equal("A0042", named.Json.GetProperty("order").GetProperty("agentId").GetString());

        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, $$"""
                { "callerNumber": "{{IntakeHostFixture.Phone()}}", "customerName": "钱七", "provinceCode": "43", "cityCode": "4301",
                  "districtCode": "430102", "streetAddress": "韶山北路 3 号", "orderType": "ORDER_TYPE_INSTALLATION", "productModel": "75C845" }
                """);
            var fromFile = await RunAsync("register", "--file", file, "--json", "--server", intake.GrpcAddress, "--token", signedIn);
            Assert.True(fromFile.Exit == CliApp.Ok, fromFile.Err);
            Assert.Equal("A0042", fromFile.Json.GetProperty("order").GetProperty("agentId").GetString());
        }
        finally { File.Delete(file); }
    }
}
