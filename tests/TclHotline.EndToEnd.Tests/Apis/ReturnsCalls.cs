using System.Net.Http.Headers;
using System.Text.Json;
using TclHotline.EndToEnd.Tests.Harness;
using TclHotline.Grpc.Returns.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using ReturnsClient = TclHotline.Grpc.Returns.V1.Returns.ReturnsClient;

namespace TclHotline.EndToEnd.Tests.Apis;

/// <summary>The returns service as dealers, branch staff and directors use it, counting every call sent.</summary>
public sealed class ReturnsCalls(SystemUnderTest system)
{
    /// <summary>A Changsha dealer of the host's own configuration: its shop is in 芙蓉区, which Changsha's engineers serve.</summary>
    public const string ChangshaDealer = "CS-GM-001";

    /// <summary>A Wuhan dealer the harness configures for the fault bursts (its shop in 武昌区, where the bursts register).</summary>
    public const string BurstDealer = "WH-E2E-001";

    public ReturnsClient Dealer(string dealer, string branch) =>
        new(system.Channel(system.Returns, TestTokens.For(HotlineRoles.Dealer, branch, subject: "dealer-" + dealer, dealerId: dealer)));

    public ReturnsClient Staff(string branch) => new(system.ChannelAs(system.Returns, HotlineRoles.Dispatcher, branch));

    public ReturnsClient Director(string branch) => new(system.ChannelAs(system.Returns, HotlineRoles.ServiceDirector, branch));

    public static ReportPreSaleUnitRequest PreSale(string dealer, string serial, Finding finding, string key) => new()
    {
        DealerCode = dealer, SerialNumber = serial, ProductModel = "55P71C", Finding = finding,
        Description = "开箱发现", IdempotencyKey = key,
    };

    /// <summary>A unit of dealer stock whose serial follows from the key: letters and digits, made three months ago.</summary>
    public static string SerialFor(string key) =>
        "55P71C" + TestClock.Now.AddMonths(-3).ToString("yyMM", System.Globalization.CultureInfo.InvariantCulture)
        + key.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Reports with the same idempotency key until the service answers, through kills and restarts.</summary>
    public Task<PreSaleReport> ReportUntilAnsweredAsync(ReportPreSaleUnitRequest request, string branch) =>
        ComplaintDeskCalls.UntilAnsweredAsync(system, deadline => Dealer(request.DealerCode, branch).ReportPreSaleUnitAsync(request, deadline: deadline).ResponseAsync);

    public async Task<PreSaleReport> GetAsync(string reportId, string branch)
    {
        system.Figures.Call();
        return await Staff(branch).GetPreSaleReportAsync(new GetPreSaleReportRequest { ReportId = reportId });
    }

    /// <summary>The report once intake's order for it has come back over the bus.</summary>
    public Task<PreSaleReport> LinkedAsync(string reportId, string branch, TimeSpan? timeout = null) =>
        Eventually.Until(() => GetAsync(reportId, branch), r => r.OrderNumber.Length > 0, timeout ?? TimeSpan.FromSeconds(60),
            $"pre-sale report {reportId} linked to its repair order");

    /// <summary>The branch report as the page reads it (/report/api on the returns host's HTTP port).</summary>
    public async Task<JsonElement> BranchReportAsync(string branch, string? month = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(system.Returns.HttpAddress) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/report/api?branch={branch}" + (month is null ? "" : $"&month={month}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(HotlineRoles.ServiceDirector, branch));
        system.Figures.Call();
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>One chart's summary sentence in the branch report.</summary>
    public static string Summary(JsonElement report, string chart) =>
        report.GetProperty("charts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == chart).GetProperty("summary").GetString()!;

    /// <summary>A value a chart draws: the stacked part <paramref name="series"/> of the bar <paramref name="bar"/>, read from its SVG.</summary>
    public static int Drawn(JsonElement report, string chart, string bar, string series)
    {
        var svg = System.Xml.Linq.XDocument.Parse(report.GetProperty("charts").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == chart).GetProperty("svg").GetString()!);
        var group = svg.Descendants().SingleOrDefault(g => g.Name.LocalName == "g" && (string?)g.Attribute("data-label") == bar);
        var part = group?.Elements().SingleOrDefault(r => (string?)r.Attribute("data-series") == series);
        return part is null ? 0 : int.Parse((string)part.Attribute("data-value")!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The settings every process hosting the returns module gets: the bursts' Wuhan dealer.</summary>
    public static void AddBurstDealer(Dictionary<string, string> env)
    {
        const string p = "Returns__Dealers__" + BurstDealer + "__";
        env[p + "Name"] = "武汉中商武昌店";
        env[p + "Branch"] = "WH";
        env[p + "ContactName"] = "店长";
        env[p + "Phone"] = "027-85500009";
        env[p + "ProvinceCode"] = "42";
        env[p + "CityCode"] = "4201";
        env[p + "DistrictCode"] = "420106";
        env[p + "StreetAddress"] = "中南路 1 号";
    }
}
