using TclHotline.Dispatch.Tests.Support;
using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests.Functional;

/// <summary>The board page in a real (headless) browser against the running module: it shows an order and follows its state.</summary>
public class BoardPageTests(DispatchService service) : IClassFixture<DispatchService>
{
    [Fact]
    public async Task Board_page_shows_the_order_and_turns_it_met_when_the_engineer_arrives()
    {
        var order = DispatchService.Order();
        await service.PublishAsync(order);
        var assigned = await service.AwaitAsync<EngineerAssigned>(order.OrderId);
        var token = TestTokens.For(HotlineRoles.Dispatcher, "CS");

        await using var browser = await Browser.OpenAsync($"{service.Host.Http.BaseAddress}board#token={token}&branch=CS");
        var row = $"document.querySelector('tr[data-order=\"{order.OrderId}\"]')";

        var shown = await Eventually.Until(() => browser.EvaluateAsync($"{row} ? {row}.dataset.state + '|' + {row}.textContent : ''"),
            text => text.StartsWith("on-track|", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the page to show the order on track");
        Assert.Contains(order.OrderNumber, shown);
        Assert.Contains(assigned.EngineerId, shown);
        var countdown = await browser.EvaluateAsync($"{row}.querySelector('td.countdown').textContent");
        Assert.Matches(@"^2[0-4]:\d\d:\d\d$|^1\d:\d\d:\d\d$", countdown);

        await service.Dispatch(HotlineRoles.Engineer, "CS", assigned.EngineerId).ReportArrivalAsync(new Proto.VisitReport
        {
            OrderId = order.OrderId.ToString(), VisitId = assigned.VisitId.ToString(), EngineerId = assigned.EngineerId,
        });

        await Eventually.Until(() => browser.EvaluateAsync($"{row} ? {row}.dataset.state : ''"), state => state == "met",
            TimeSpan.FromSeconds(15), "the page to turn the order met");
        Assert.Equal("Met", await browser.EvaluateAsync($"{row}.querySelector('td.state').textContent"));
        Assert.NotEqual("–", await browser.EvaluateAsync("document.getElementById('met-today').textContent"));
    }

    /// <summary>
    /// A Changsha dispatcher on a laptop set to UTC: every time in branch time (a call registered at 22:13 shows
    /// 22:13, not 14:13) with the zone named; districts by name; time left as a coloured badge, overdue rows on
    /// top; remote orders awaiting a booking with their booking deadline; an early arrival marked early.
    /// </summary>
    [Fact]
    public async Task Board_page_in_a_UTC_browser_shows_branch_time_district_names_overdue_first_and_remote_orders_awaiting_booking()
    {
        // 22:13 in Changsha, three days ago: its booking deadline passed two days ago, so it is overdue.
        var changsha = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var day = TimeZoneInfo.ConvertTime(TestClock.Now, changsha).Date.AddDays(-3);
        var lateCall = new DateTimeOffset(day.Year, day.Month, day.Day, 22, 13, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        var overdue = DispatchService.Order(district: "430181", urban: false, registeredAt: lateCall) with { DistrictName = "浏阳市" };
        var awaiting = DispatchService.Order(district: "430181", urban: false) with { DistrictName = "浏阳市" };
        var urban = DispatchService.Order() with { DistrictName = "芙蓉区" };
        await service.PublishAsync(overdue);
        await service.PublishAsync(awaiting);
        await service.PublishAsync(urban);
        await service.AwaitAsync<TclHotline.Messages.Sla.DeadlineSet>(overdue.OrderId);
        await service.AwaitAsync<TclHotline.Messages.Sla.DeadlineSet>(awaiting.OrderId);
        await service.AwaitAsync<EngineerAssigned>(urban.OrderId);
        var early = await BookedRemoteArrivedEarlyAsync();
        var token = TestTokens.For(HotlineRoles.Dispatcher, "CS");

        await using var browser = await Browser.OpenAsync($"{service.Host.Http.BaseAddress}board#token={token}&branch=CS", timeZone: "UTC");
        string Row(Guid id) => $"document.querySelector('tr[data-order=\"{id}\"]')";
        await Eventually.Until(() => browser.EvaluateAsync($"String(!!({Row(overdue.OrderId)} && {Row(awaiting.OrderId)} && {Row(urban.OrderId)} && {Row(early)}))"),
            shown => shown == "true", TimeSpan.FromSeconds(20), "the page to show the four orders");

        Assert.Equal("0", await browser.EvaluateAsync("new Date().getTimezoneOffset()"));
        var zone = await browser.EvaluateAsync("document.getElementById('zone').textContent");
        Assert.Contains("Asia/Shanghai", zone);
        Assert.Contains("GMT+8", zone);
        var registered = await browser.EvaluateAsync($"{Row(overdue.OrderId)}.querySelector('td.registered').textContent");
        Assert.Contains("22:13", registered);
        Assert.DoesNotContain("14:13", registered);
        Assert.Contains("浏阳市", await browser.EvaluateAsync($"{Row(overdue.OrderId)}.querySelector('td.district').textContent"));
        Assert.Contains("芙蓉区", await browser.EvaluateAsync($"{Row(urban.OrderId)}.querySelector('td.district').textContent"));

        // Overdue: on top, a red badge, the row marked.
        Assert.Equal("true", await browser.EvaluateAsync($"{Row(overdue.OrderId)}.dataset.overdue"));
        Assert.Equal("left-overdue", await browser.EvaluateAsync($"{Row(overdue.OrderId)}.querySelector('td.countdown span').className"));
        Assert.StartsWith("-", await browser.EvaluateAsync($"{Row(overdue.OrderId)}.querySelector('td.countdown').textContent"));
        var overdueOnTop = await browser.EvaluateAsync("""
            (() => { const flags = [...document.querySelectorAll('#entries tr')].map(r => r.dataset.overdue === 'true');
                     return String(flags.indexOf(false) < 0 || flags.lastIndexOf(true) < flags.indexOf(false)); })()
            """);
        Assert.Equal("true", overdueOnTop);
        Assert.Equal("rgb(194, 24, 24)", await browser.EvaluateAsync(
            $"getComputedStyle({Row(overdue.OrderId)}.querySelector('td.countdown span')).backgroundColor"));

        // Awaiting a booking: visible with its booking deadline, in branch time, a day to go.
        Assert.Equal("true", await browser.EvaluateAsync($"{Row(awaiting.OrderId)}.dataset.awaitingBooking"));
        var deadline = await browser.EvaluateAsync($"{Row(awaiting.OrderId)}.querySelector('td.deadline').textContent");
        Assert.Contains("awaiting booking", deadline);
        var bookBy = TimeZoneInfo.ConvertTime(awaiting.RegisteredAt.AddHours(24), changsha);
        Assert.Contains($"book by {bookBy:yyyy/MM/dd HH:mm}", deadline);
        Assert.Equal("left-ok", await browser.EvaluateAsync($"{Row(awaiting.OrderId)}.querySelector('td.countdown span').className"));

        // The urban order's commitment in branch time.
        var due = TimeZoneInfo.ConvertTime(urban.RegisteredAt.AddHours(24), changsha);
        Assert.Contains($"{due:yyyy/MM/dd HH:mm}", await browser.EvaluateAsync($"{Row(urban.OrderId)}.querySelector('td.deadline').textContent"));

        // Arrived before its window: marked early.
        Assert.Equal("true", await browser.EvaluateAsync($"{Row(early)}.dataset.early"));
        Assert.Contains("early", await browser.EvaluateAsync($"{Row(early)}.querySelector('td.visit').textContent"));
    }

    private async Task<Guid> BookedRemoteArrivedEarlyAsync()
    {
        var order = DispatchService.Order(district: "430181", urban: false);
        await service.PublishAsync(order);
        await service.AwaitAsync<TclHotline.Messages.Sla.DeadlineSet>(order.OrderId);
        var visit = (await service.BookLatestSlotAsync(order.OrderId)).CurrentVisit;
        await service.Dispatch(HotlineRoles.Engineer, "CS", visit.EngineerId).ReportArrivalAsync(new Proto.VisitReport
        {
            OrderId = order.OrderId.ToString(), VisitId = visit.VisitId, EngineerId = visit.EngineerId,
        });
        return order.OrderId;
    }
}
