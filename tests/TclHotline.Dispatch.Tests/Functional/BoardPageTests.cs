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

        await using var browser = await HeadlessChromium.OpenAsync($"{service.Host.Http.BaseAddress}board#token={token}&branch=CS");
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
}
