using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TclHotline.Returns.Tests.Support;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.Returns.Tests.Functional;

public sealed class AgingStockChartTests(OneDealerReportHost returns) : IClassFixture<OneDealerReportHost>
{
    [Fact]
    public async Task Aging_stock_chart_draws_the_dealers_with_the_most_aging_units_and_says_how_many_are_left_out()
    {
        await returns.DeliverAsync(ReturnsHost.Gome, returns.Today.AddDays(-5));
        await returns.DeliverAsync(ReturnsHost.Gome, returns.Today.AddDays(-6));
        await returns.DeliverAsync(ReturnsHost.Suning, returns.Today.AddMonths(-3));

        using var request = new HttpRequestMessage(HttpMethod.Get, "report/api");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(HotlineRoles.Sales, ReturnsHost.Changsha));
        using var response = await returns.Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var chart = json.RootElement.GetProperty("charts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "aging-stock");

        Assert.EndsWith("the 1 of 2 dealers with the most aging units shown.", chart.GetProperty("summary").GetString());
        var svg = chart.GetProperty("svg").GetString()!;
        Assert.Contains($"data-label=\"{ReturnsHost.Suning}\"", svg);
        Assert.DoesNotContain($"data-label=\"{ReturnsHost.Gome}\"", svg);
    }
}
