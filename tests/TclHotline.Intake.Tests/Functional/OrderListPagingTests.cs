using Grpc.Core;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Intake.Tests.Support;
using TclHotline.ServiceDefaults.Security;
using Xunit;

namespace TclHotline.Intake.Tests.Functional;

/// <summary>Order lists page by keyset: the token is the last order shown, not a count of orders shown.</summary>
public sealed class OrderListPagingTests(IntakeHostFixture fixture) : IClassFixture<IntakeHostFixture>
{
    private readonly IntakeHost intake = fixture.Intake;

    private async Task<string> OpenInHubeiAsync()
    {
        var request = Requests.Repair();
        (request.ProvinceCode, request.CityCode, request.DistrictCode) = ("42", "4201", "420102");
        return (await intake.ClientAs().RegisterCallAsync(request)).Order.OrderNumber;
    }

    [Fact]
    public async Task An_order_registered_between_two_pages_neither_repeats_nor_hides_one()
    {
        var oldest = await OpenInHubeiAsync();
        var middle = await OpenInHubeiAsync();
        var newest = await OpenInHubeiAsync();
        var dispatcher = intake.ClientAs(HotlineRoles.Dispatcher, "WH");

        var first = await dispatcher.ListServiceOrdersAsync(new ListServiceOrdersRequest { PageSize = 2 });
        var meanwhile = await OpenInHubeiAsync();
        var second = await dispatcher.ListServiceOrdersAsync(new ListServiceOrdersRequest { PageSize = 2, PageToken = first.NextPageToken });

        // Newest first. An offset would have shown the middle order again: the new order pushed it to third place.
        Assert.Equal([newest, middle], first.Orders.Select(o => o.OrderNumber));
        Assert.Equal([oldest], second.Orders.Select(o => o.OrderNumber));
        Assert.Equal("", second.NextPageToken);
        var fresh = await dispatcher.ListServiceOrdersAsync(new ListServiceOrdersRequest { PageSize = 2 });
        Assert.Equal([meanwhile, newest], fresh.Orders.Select(o => o.OrderNumber));
    }

    [Fact]
    public async Task A_token_of_the_other_order_list_is_refused_naming_page_token()
    {
        // Hunan's branch (Changsha): the Hubei (Wuhan) orders of the other test stay out of this one's way.
        await intake.ClientAs().RegisterCallAsync(Requests.Repair());
        await intake.ClientAs().RegisterCallAsync(Requests.Repair());
        var first = await intake.ClientAs(HotlineRoles.Dispatcher, "CS").ListServiceOrdersAsync(new ListServiceOrdersRequest { PageSize = 1 });

        var refusal = await Assert.ThrowsAsync<RpcException>(() => intake.ClientAs(HotlineRoles.ServiceDirector, "CS")
            .ListPendingInvoiceVerificationsAsync(new ListPendingInvoiceVerificationsRequest { PageToken = first.NextPageToken }).ResponseAsync);

        Assert.NotEqual("", first.NextPageToken);
        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Equal("page_token", refusal.Trailers.GetValue("invalid-fields"));
    }
}
