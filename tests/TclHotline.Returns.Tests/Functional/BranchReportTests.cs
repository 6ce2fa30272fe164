using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TclHotline.Grpc.Returns.V1;
using TclHotline.Messages;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Sla;
using TclHotline.Returns.Api;
using TclHotline.Returns.Application;
using TclHotline.Returns.Consumers;
using TclHotline.Returns.Tests.Support;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Returns.Tests.Functional;

/// <summary>
/// The branch report as people see it: the page in a real (headless) Chromium against a running returns host,
/// the figures coming from the service's own records and from dispatch's events on the bus.
/// </summary>
public sealed class BranchReportTests(ReturnsHost returns) : IClassFixture<ReturnsHost>
{
    private const string Arrivals = nameof(CommitmentArrivalConsumer), Breaches = nameof(CommitmentBreachConsumer);

    private static EngineerArrived Arrival(Guid order, DateTimeOffset due, bool onTime, string branch = ReturnsHost.Changsha) =>
        new(order, Guid.NewGuid(), "E-0001", branch, onTime ? due.AddHours(-1) : due.AddHours(2), due, onTime);

    private static DeadlineBreached Breach(Guid order, DateTimeOffset due, string owner = DeadlineOwners.Dispatch, string kind = DeadlineKinds.OnSite) =>
        new(Guid.NewGuid(), owner, order.ToString(), kind, ReturnsHost.Changsha, due, due.AddSeconds(1), TimeSpan.FromSeconds(1));

    [Fact]
    public async Task Report_page_in_Chromium_draws_commitments_returns_damage_and_aging_stock_for_the_branch()
    {
        var now = returns.Clock.GetUtcNow();
        var month = returns.Today.ToString("yyyy-MM");
        var lastMonth = returns.Today.AddMonths(-1).ToString("yyyy-MM");

        // Commitments falling due this month: two kept, one arrived late, one breached without an arrival, one
        // breached and then reached on time (the arrival decides), and a complaint deadline (not a commitment).
        await returns.PublishAndWaitAsync(Arrival(Guid.NewGuid(), now, onTime: true), Arrivals);
        await returns.PublishAndWaitAsync(Arrival(Guid.NewGuid(), now, onTime: true), Arrivals);
        await returns.PublishAndWaitAsync(Arrival(Guid.NewGuid(), now, onTime: false), Arrivals);
        await returns.PublishAndWaitAsync(Breach(Guid.NewGuid(), now), Breaches);
        var raced = Guid.NewGuid();
        await returns.PublishAndWaitAsync(Breach(raced, now), Breaches);
        await returns.PublishAndWaitAsync(Arrival(raced, now, onTime: true), Arrivals);
        await returns.PublishAndWaitAsync(Breach(Guid.NewGuid(), now, DeadlineOwners.Complaints, DeadlineKinds.Resolve), Breaches);
        // Last month, one kept; and Wuhan's, which is not Changsha's report.
        await returns.PublishAndWaitAsync(Arrival(Guid.NewGuid(), now.AddMonths(-1), onTime: true), Arrivals);
        await returns.PublishAndWaitAsync(Arrival(Guid.NewGuid(), now, onTime: false, branch: ReturnsHost.Wuhan), Arrivals);

        // Dealer stock: Gome has one unit delivered four months ago (aging) and one this week; Suning one, fresh.
        await returns.DeliverAsync(ReturnsHost.Gome, returns.Today.AddMonths(-4));
        await returns.DeliverAsync(ReturnsHost.Gome, returns.Today.AddDays(-3));
        await returns.DeliverAsync(ReturnsHost.Suning, returns.Today.AddDays(-10));

        // Pre-sale damage: cracked panels, two put on logistics and one on the dealer; one scratched case not inspected yet.
        foreach (var attribution in new[] { Attribution.Logistics, Attribution.Logistics, Attribution.Dealer })
            await InspectedAsync(Finding.CrackedPanel, attribution);
        await returns.Staff().ReportPreSaleUnitAsync(PreSale(Finding.ScratchedCase));

        // Merchant returns of the commercial class this month.
        foreach (var reason in new[] { ReturnReason.UnsoldStock, ReturnReason.ShopSample })
        {
            await returns.Staff().RegisterMerchantReturnAsync(new RegisterMerchantReturnRequest
            {
                DealerCode = ReturnsHost.Gome, SerialNumber = await returns.DeliverAsync(ReturnsHost.Gome, returns.Today.AddDays(-20)),
                Reason = reason, IdempotencyKey = Guid.NewGuid().ToString("N"),
            });
        }

        var token = TestTokens.For(HotlineRoles.ServiceDirector, ReturnsHost.Changsha);
        await using var browser = await Browser.OpenAsync($"{returns.Host.Http.BaseAddress}report#token={token}&branch=CS", timeZone: "UTC");
        await Eventually.Until(() => browser.EvaluateAsync("document.body.dataset.state || ''"), state => state is "shown" or "error",
            TimeSpan.FromSeconds(20), "the page to show the report");
        Assert.Equal("", await browser.EvaluateAsync("document.getElementById('error').textContent"));
        Assert.Contains($"CS · {month}", await browser.EvaluateAsync("document.getElementById('title').textContent"));
        Assert.Equal("4", await browser.EvaluateAsync("String(document.querySelectorAll('section[data-chart] > svg').length)"));

        string Value(string chart, string bar, string series) =>
            $"(document.querySelector('section[data-chart=\"{chart}\"] g.bar[data-label=\"{bar}\"] rect[data-series=\"{series}\"]') || {{}}).dataset?.value ?? 'none'";

        // Commitments kept: this month 3 of 5 (the raced one kept), last month 1 of 1; Wuhan's not here.
        Assert.Equal("3", await browser.EvaluateAsync(Value("commitments", month, "kept")));
        Assert.Equal("2", await browser.EvaluateAsync(Value("commitments", month, "missed")));
        Assert.Equal("1", await browser.EvaluateAsync(Value("commitments", lastMonth, "kept")));
        Assert.Equal("60 %", await browser.EvaluateAsync(
            $"document.querySelector('section[data-chart=\"commitments\"] g.bar[data-label=\"{month}\"] text.note').textContent"));
        Assert.Contains("3 of 5 on-site commitments kept", await browser.EvaluateAsync(
            "document.querySelector('section[data-chart=\"commitments\"] .summary').textContent"));

        // Returns by class.
        Assert.Equal("2", await browser.EvaluateAsync(Value("returns-by-class", month, "commercial")));
        Assert.Equal("0", await browser.EvaluateAsync(Value("returns-by-class", month, "service")));

        // Damage by attribution: the cracked panels split 2 logistics / 1 dealer; the scratched case waits.
        Assert.Equal("2", await browser.EvaluateAsync(Value("damage-by-attribution", "cracked panel 屏裂", "logistics")));
        Assert.Equal("1", await browser.EvaluateAsync(Value("damage-by-attribution", "cracked panel 屏裂", "dealer")));
        Assert.Equal("1", await browser.EvaluateAsync(Value("damage-by-attribution", "scratched case 外壳划伤", "not-inspected")));
        Assert.Contains("logistics 66.67 %", await browser.EvaluateAsync(
            "document.querySelector('section[data-chart=\"damage-by-attribution\"] .summary').textContent"));

        // Aging stock by dealer: Gome one aging, Suning one in stock and none aging.
        Assert.Equal("1", await browser.EvaluateAsync(Value("aging-stock", ReturnsHost.Gome, "aging")));
        Assert.Equal("0", await browser.EvaluateAsync(Value("aging-stock", ReturnsHost.Suning, "aging")));
        Assert.Equal("1", await browser.EvaluateAsync(Value("aging-stock", ReturnsHost.Suning, "fresh")));

        // Drawn by the page itself: nothing was fetched from another origin.
        Assert.Equal("0", await browser.EvaluateAsync(
            "String(performance.getEntriesByType('resource').filter(r => !r.name.startsWith(location.origin)).length)"));
    }

    [Fact]
    public async Task Commitment_outcome_delivered_twice_or_arriving_after_a_second_visit_counts_the_order_once()
    {
        var due = returns.Clock.GetUtcNow().AddMonths(-3);
        var month = returns.Today.AddMonths(-3).ToString("yyyy-MM");
        var order = Guid.NewGuid();
        var arrival = Arrival(order, due, onTime: true);
        await returns.PublishAndWaitAsync(arrival, Arrivals);
        await returns.PublishAndWaitAsync(arrival with { VisitId = Guid.NewGuid(), OnTime = false }, Arrivals);
        await returns.PublishAndWaitAsync(Breach(order, due), Breaches);

        var report = await ApiAsync(HotlineRoles.ServiceDirector, ReturnsHost.Changsha, $"?month={month}");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using var json = JsonDocument.Parse(await report.Content.ReadAsStringAsync());
        var commitments = json.RootElement.GetProperty("charts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "commitments");
        Assert.Contains($"{month}: 1 of 1 on-site commitments kept (100 %)", commitments.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Report_api_is_for_the_branchs_own_staff_and_headquarters_only()
    {
        Assert.Equal(HttpStatusCode.OK, (await returns.Host.Http.GetAsync("report")).StatusCode); // the page holds no data
        Assert.Equal(HttpStatusCode.Unauthorized, (await returns.Host.Http.GetAsync("report/api?branch=CS")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiAsync(HotlineRoles.Dealer, ReturnsHost.Changsha, "", ReturnsHost.Gome)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiAsync(HotlineRoles.ServiceDirector, ReturnsHost.Wuhan, "?branch=CS")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ApiAsync(HotlineRoles.Administrator, "*", "")).StatusCode);
        var badMonth = await ApiAsync(HotlineRoles.Sales, ReturnsHost.Changsha, "?month=2025-3");
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.Contains("month", await badMonth.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(HotlineRoles.Administrator, "*", "?branch=WH")).StatusCode);
    }

    private async Task<HttpResponseMessage> ApiAsync(string role, string branch, string query, string? dealer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "report/api" + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(role, branch, dealerId: dealer));
        return await returns.Host.Http.SendAsync(request);
    }

    private static ReportPreSaleUnitRequest PreSale(Finding finding) => new()
    {
        DealerCode = ReturnsHost.Gome, SerialNumber = ReturnsHost.NewSerial(), ProductModel = "55C8K", Finding = finding,
        Description = "开箱发现", IdempotencyKey = Guid.NewGuid().ToString("N"),
    };

    private async Task InspectedAsync(Finding finding, Attribution attribution)
    {
        var report = await returns.Staff().ReportPreSaleUnitAsync(PreSale(finding));
        await returns.Staff().RecordInspectionAsync(new RecordInspectionRequest
        {
            ReportId = report.ReportId, Attribution = attribution, CostBearer = CostBearer.Logistics, EvidencePhotoIds = { "PHOTO-1" },
        });
    }
}
