using TclHotline.Cli;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Cli.Tests.Functional;

/// <summary>
/// `tclhotline returns …` against a real returns host: the bulk delivery import from a CSV file (every bad line
/// named by its number, nothing half-imported, a second import changing nothing), and the calls staff make.
/// </summary>
public sealed class ReturnsCliTests(ReturnsHostFixture fixture) : IClassFixture<ReturnsHostFixture>
{
    private static Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(args);

    private string[] As(string role, string branch, string? dealer, params string[] args) =>
        [.. args, "--server", fixture.Host.GrpcAddress, "--token", TestTokens.For(role, branch, dealerId: dealer)];

    private string[] AsStaff(params string[] args) => As(HotlineRoles.ServiceDirector, "CS", null, args);

    private static string Serial(string tag) => $"55P71C{tag}{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";

    private static async Task<string> CsvAsync(params string[] lines)
    {
        var file = Path.Combine(Path.GetTempPath(), $"deliveries-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file, lines);
        return file;
    }

    private async Task<IReadOnlyList<string>> SerialsInStockAsync(string dealer)
    {
        var list = await RunAsync(AsStaff("returns", "stock", "--dealer", dealer, "--page-size", "500", "--json"));
        Assert.True(list.Exit == CliApp.Ok, list.Err);
        return list.Json.TryGetProperty("units", out var units)
            ? [.. units.EnumerateArray().Select(u => u.GetProperty("serialNumber").GetString()!)]
            : [];
    }

    [Fact]
    public async Task Import_deliveries_records_every_line_of_the_file_and_a_second_import_changes_nothing()
    {
        string[] serials = [Serial("A"), Serial("B"), Serial("C")];
        var file = await CsvAsync(
            "serial,model,dealer,delivered_on",
            $"{serials[0]},55P71C,{ReturnsHostFixture.Dealer},2025-01-10",
            "",
            $"\"{serials[1]}\",\"65Q10G\",{ReturnsHostFixture.Dealer},2025-02-01",
            $"{serials[2]} , 75C845 , {ReturnsHostFixture.Dealer} , 2025-03-01");
        try
        {
            var first = await RunAsync(AsStaff("returns", "import-deliveries", file));
            Assert.True(first.Exit == CliApp.Ok, first.Err);
            Assert.Contains("3 recorded, 0 already recorded", first.Out);

            var again = await RunAsync(AsStaff("returns", "import-deliveries", file, "--json"));
            Assert.True(again.Exit == CliApp.Ok, again.Err);
            Assert.Equal(3, again.Json.GetProperty("unchanged").GetInt32());
            Assert.False(again.Json.TryGetProperty("recorded", out var recorded) && recorded.GetInt32() != 0);

            Assert.Superset(serials.ToHashSet(), (await SerialsInStockAsync(ReturnsHostFixture.Dealer)).ToHashSet());
            var unit = await RunAsync(AsStaff("returns", "unit", serials[1]));
            Assert.True(unit.Exit == CliApp.Ok, unit.Err);
            Assert.Contains("65Q10G", unit.Out);
            Assert.Contains("2025-02-01", unit.Out);
            Assert.Contains("in-stock", unit.Out);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Import_deliveries_names_every_bad_line_by_its_number_and_sends_nothing()
    {
        var good = Serial("G");
        var twice = Serial("T");
        var file = await CsvAsync(
            "serial,model,dealer,delivered_on",
            $"{good},55P71C,{ReturnsHostFixture.Dealer},2025-01-10",
            $"{Serial("D")},55P71C,{ReturnsHostFixture.Dealer},2025-02-30",
            $"{Serial("F")},55P71C,{ReturnsHostFixture.Dealer}",
            $"{twice},55P71C,{ReturnsHostFixture.Dealer},2025-01-10",
            $"{twice},55P71C,{ReturnsHostFixture.Dealer},2025-01-11",
            $",55P71C,{ReturnsHostFixture.Dealer},2025-01-10",
            $"\"{Serial("Q")},55P71C,{ReturnsHostFixture.Dealer},2025-01-10");
        try
        {
            var import = await RunAsync(AsStaff("returns", "import-deliveries", file));

            Assert.Equal(CliApp.BadInput, import.Exit);
            Assert.Contains("line 3: delivered_on '2025-02-30' is not a date (yyyy-MM-dd)", import.Err);
            Assert.Contains("line 4: 3 fields, expected 4", import.Err);
            Assert.Contains($"line 6: serial {twice} is already on line 5", import.Err);
            Assert.Contains("line 7: serial is empty", import.Err);
            Assert.Contains("line 8: a quoted field is not closed", import.Err);
            Assert.DoesNotContain("line 2:", import.Err);
            Assert.DoesNotContain("line 5:", import.Err);
            Assert.Contains("Nothing imported: 5 bad line(s).", import.Err);
            Assert.DoesNotContain(good, await SerialsInStockAsync(ReturnsHostFixture.Dealer));
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Import_deliveries_refused_by_the_service_is_reported_as_the_lines_of_the_file_and_stores_none_of_it()
    {
        var good = Serial("S");
        var file = await CsvAsync(
            $"{good},55P71C,{ReturnsHostFixture.Dealer},2025-01-10",
            $"{Serial("U")},55P71C,NO-SUCH-DEALER,2025-01-10",
            $"{Serial("V")},55P71C,{ReturnsHostFixture.Dealer},2025-01-10");
        try
        {
            var import = await RunAsync(AsStaff("returns", "import-deliveries", file));

            Assert.Equal(CliApp.BadInput, import.Exit);
            Assert.Contains("line 2: dealer_code is not a known dealer", import.Err);
            Assert.Contains("Nothing imported.", import.Err);
            Assert.DoesNotContain(good, await SerialsInStockAsync(ReturnsHostFixture.Dealer));
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task A_dealer_imports_only_its_own_deliveries_and_reads_only_its_own_stock()
    {
        var own = Serial("O");
        var file = await CsvAsync($"{Serial("X")},55P71C,{ReturnsHostFixture.OtherDealer},2025-01-10");
        try
        {
            var foreign = await RunAsync(As(HotlineRoles.Dealer, "CS", ReturnsHostFixture.Dealer, "returns", "import-deliveries", file));
            Assert.Equal(CliApp.Denied, foreign.Exit);

            var deliver = await RunAsync(AsStaff("returns", "deliver", "--serial", own, "--model", "55P71C", "--dealer", ReturnsHostFixture.Dealer, "--on", "2025-01-10"));
            Assert.True(deliver.Exit == CliApp.Ok, deliver.Err);
            var mine = await RunAsync(As(HotlineRoles.Dealer, "CS", ReturnsHostFixture.Dealer, "returns", "stock", "--json"));
            Assert.True(mine.Exit == CliApp.Ok, mine.Err);
            Assert.Contains(mine.Json.GetProperty("units").EnumerateArray(), u => u.GetProperty("serialNumber").GetString() == own);
            var theirs = await RunAsync(As(HotlineRoles.Dealer, "CS", ReturnsHostFixture.OtherDealer, "returns", "unit", own));
            Assert.Equal(CliApp.Denied, theirs.Exit);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Rule18_a_pre_sale_report_and_its_inspection_through_the_cli()
    {
        var serial = Serial("P");
        var report = await RunAsync(AsStaff("returns", "pre-sale", "--dealer", ReturnsHostFixture.Dealer, "--serial", serial,
            "--model", "55P71C", "--finding", "cracked-panel", "--description", "开箱屏裂", "--json"));
        Assert.True(report.Exit == CliApp.Ok, report.Err);
        var id = report.Json.GetProperty("reportId").GetString()!;
        Assert.Equal("FINDING_CRACKED_PANEL", report.Json.GetProperty("finding").GetString());

        var inspected = await RunAsync(AsStaff("returns", "inspect", id, "--attribution", "logistics", "--cost-bearer", "logistics", "--photos", "P-1, P-2"));
        Assert.True(inspected.Exit == CliApp.Ok, inspected.Err);
        Assert.Contains("inspection.attribution", inspected.Out);
        Assert.Contains("logistics", inspected.Out);
        Assert.Contains("P-1, P-2", inspected.Out);

        var unknown = await RunAsync(AsStaff("returns", "pre-sale", "--dealer", ReturnsHostFixture.Dealer, "--serial", serial, "--model", "55P71C", "--finding", "dented"));
        Assert.Equal(CliApp.BadInput, unknown.Exit);
        Assert.Contains("--finding must be one of cracked-panel, scratched-panel, scratched-case, performance-fault", unknown.Err);
    }

    [Fact]
    public async Task Rule24_a_scrap_is_declared_approved_by_the_director_only_and_stepped_in_order_through_the_cli()
    {
        var declared = await RunAsync(As(HotlineRoles.Dispatcher, "CS", null, "returns", "scrap", "--serial", Serial("Z"), "--branch", "CS",
            "--model", "55P71C", "--reason", "主板与屏均烧毁", "--json"));
        Assert.True(declared.Exit == CliApp.Ok, declared.Err);
        var id = declared.Json.GetProperty("scrapId").GetString()!;

        var outOfOrder = await RunAsync(AsStaff("returns", "scrap-step", id, "--step", "written-off"));
        Assert.Equal(CliApp.BadInput, outOfOrder.Exit);
        var notDirector = await RunAsync(As(HotlineRoles.Dispatcher, "CS", null, "returns", "scrap-step", id, "--step", "approved"));
        Assert.Equal(CliApp.Denied, notDirector.Exit);

        foreach (var step in new[] { "approved", "collected", "written-off" })
        {
            var done = await RunAsync(AsStaff("returns", "scrap-step", id, "--step", step));
            Assert.True(done.Exit == CliApp.Ok, $"{step}: {done.Err}");
        }
        var shown = await RunAsync(AsStaff("returns", "show-scrap", id));
        Assert.True(shown.Exit == CliApp.Ok, shown.Err);
        Assert.Contains("written-off", shown.Out);
        Assert.Contains("STEPS", shown.Out); // the audited steps, as their own table
    }

    [Fact]
    public async Task Rule19_a_commercial_return_is_registered_and_counted_in_the_months_rates_through_the_cli()
    {
        var serial = Serial("M");
        Assert.Equal(CliApp.Ok, (await RunAsync(AsStaff("returns", "deliver", "--serial", serial, "--model", "55P71C",
            "--dealer", ReturnsHostFixture.OtherDealer, "--on", TestClock.Now.AddDays(-20).ToString("yyyy-MM-dd")))).Exit);

        var withOrders = await RunAsync(AsStaff("returns", "return", "--dealer", ReturnsHostFixture.OtherDealer, "--serial", serial,
            "--reason", "shop-sample", "--orders", "SO20250301-000001"));
        Assert.Equal(CliApp.BadInput, withOrders.Exit);
        Assert.Contains("service_order_numbers", withOrders.Err);

        var registered = await RunAsync(AsStaff("returns", "return", "--dealer", ReturnsHostFixture.OtherDealer, "--serial", serial,
            "--reason", "shop-sample", "--note", "商场样机退回"));
        Assert.True(registered.Exit == CliApp.Ok, registered.Err);
        Assert.Contains("commercial", registered.Out);

        var rates = await RunAsync(AsStaff("returns", "rates", "--branch", "CS", "--month", TestClock.Now.ToString("yyyy-MM"), "--json"));
        Assert.True(rates.Exit == CliApp.Ok, rates.Err);
        Assert.True(rates.Json.GetProperty("branch").GetProperty("commercial").GetInt32() >= 1);
    }

    [Fact]
    public async Task Returns_commands_say_what_went_wrong_like_the_others()
    {
        var unreachable = await RunAsync("returns", "unit", "X", "--server", $"http://127.0.0.1:{FreePort.Next()}", "--token", "x");
        Assert.Equal(CliApp.Unreachable, unreachable.Exit);
        Assert.Contains("Cannot reach the returns service", unreachable.Err);

        var missing = await RunAsync(AsStaff("returns", "unit", Serial("N")));
        Assert.Equal(CliApp.NotFound, missing.Exit);

        var refused = await RunAsync(AsStaff("returns", "deliver", "--serial", Serial("R"), "--model", "55P71C", "--dealer", ReturnsHostFixture.Dealer, "--on", "10/01/2025"));
        Assert.Equal(CliApp.BadInput, refused.Exit);
        Assert.Contains("delivered_on", refused.Err);

        var typo = await RunAsync(AsStaff("returns", "aging", "--brnach", "CS"));
        Assert.Equal(CliApp.BadInput, typo.Exit);
        Assert.Contains("--brnach", typo.Err);

        var dealerWithoutName = await RunAsync("token", "--role", "dealer", "--branch", "CS", "--key", TestTokens.SigningKey);
        Assert.Equal(CliApp.BadInput, dealerWithoutName.Exit);
        Assert.Contains("--dealer", dealerWithoutName.Err);
    }
}
