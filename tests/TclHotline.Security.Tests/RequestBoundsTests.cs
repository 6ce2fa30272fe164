using Grpc.Core;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.Grpc.Dispatch.V1;
using TclHotline.Grpc.Intake.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Xunit;
using ComplaintCategory = TclHotline.Grpc.Complaints.V1.ComplaintCategory;

namespace TclHotline.Security.Tests;

/// <summary>
/// Bounds on what one request or one caller may ask for: the screen pop's last calls and open orders, texts and keys within
/// the columns that store them, and open streams per caller (a configured number; one over is RESOURCE_EXHAUSTED).
/// </summary>
public sealed class RequestBoundsTests
{
    [Fact]
    public async Task LookupCaller_more_last_calls_than_configured_is_refused_naming_max_calls()
    {
        await using var host = await TestHost.StartAsync([new Intake.IntakeModule()], settings: [new("Intake:MaxLastCalls", "3")]);
        var intake = new IntakeService.IntakeServiceClient(host.ChannelAs(HotlineRoles.Agent));
        for (var i = 0; i < 4; i++)
        {
            var call = HotlineFlow.Call("13700007777", "周九");
            call.OrderType = Grpc.Intake.V1.OrderType.Consultation;
            await intake.RegisterCallAsync(call);
        }

        Assert.Equal(3, (await intake.LookupCallerAsync(new LookupCallerRequest { CallerNumber = "13700007777", MaxCalls = 3 })).LastCalls.Count);
        await Refused.Naming("max_calls", () =>
            intake.LookupCallerAsync(new LookupCallerRequest { CallerNumber = "13700007777", MaxCalls = 4 }).ResponseAsync);
    }

    [Fact]
    public async Task LookupCaller_shows_the_configured_number_of_open_orders_and_units_says_there_are_more_and_refuses_more_than_the_maximum_by_name()
    {
        await using var host = await TestHost.StartAsync([new Intake.IntakeModule()], settings:
        [
            new("Intake:OpenOrdersShown", "2"), new("Intake:MaxOpenOrders", "3"), new("Intake:UnitsShown", "2"), new("Intake:MaxUnits", "3"),
        ]);
        var intake = new IntakeService.IntakeServiceClient(host.ChannelAs(HotlineRoles.Agent));
        var opened = new List<string>();
        for (var i = 0; i < 4; i++)
            opened.Add((await intake.RegisterCallAsync(HotlineFlow.Call("13700008888", "吴十"))).Order.OrderNumber);

        var byDefault = await intake.LookupCallerAsync(new LookupCallerRequest { CallerNumber = "13700008888" });
        Assert.Equal([opened[3], opened[2]], byDefault.OpenOrders.Select(o => o.OrderNumber));
        Assert.True(byDefault.MoreOpenOrders);
        Assert.Equal(2, byDefault.Units.Count);
        Assert.True(byDefault.MoreUnits);
        var most = await intake.LookupCallerAsync(new LookupCallerRequest { CallerNumber = "13700008888", MaxOpenOrders = 3, MaxUnits = 3 });
        Assert.Equal(3, most.OpenOrders.Count);
        Assert.True(most.MoreOpenOrders);
        Assert.Equal(3, most.Units.Count);
        Assert.True(most.MoreUnits);
        foreach (var asked in new[] { 4, -1 })
        {
            await Refused.Naming("max_open_orders", () =>
                intake.LookupCallerAsync(new LookupCallerRequest { CallerNumber = "13700008888", MaxOpenOrders = asked }).ResponseAsync);
            await Refused.Naming("max_units", () =>
                intake.LookupCallerAsync(new LookupCallerRequest { CallerNumber = "13700008888", MaxUnits = asked }).ResponseAsync);
        }
    }

    [Fact]
    public async Task ListPendingInvoiceVerifications_pages_oldest_first_no_larger_than_configured_and_bad_paging_is_refused_by_name()
    {
        await using var host = await TestHost.StartAsync([new Intake.IntakeModule()],
            settings: [new("Intake:DefaultPageSize", "2"), new("Intake:MaxPageSize", "3")]);
        var intake = new IntakeService.IntakeServiceClient(host.ChannelAs(HotlineRoles.Agent));
        var suspicious = new List<ServiceOrder>();
        for (var i = 0; i < 4; i++)
        {
            // Rule 12: an invoice dated before the serial's production month (March 2025).
            var call = HotlineFlow.Call("1370000999" + i, "郑十一");
            call.SerialNumber = "55P71C2503S" + Random.Shared.Next(10000, 99999);
            call.PurchaseDate = "";
            call.InvoiceDate = "2025-02-01";
            suspicious.Add((await intake.RegisterCallAsync(call)).Order);
        }
        Assert.All(suspicious, o => Assert.True(o.Warranty.InvoiceNeedsVerification));
        var director = new IntakeService.IntakeServiceClient(host.ChannelAs(HotlineRoles.ServiceDirector, suspicious[0].BranchCode));

        var byDefault = await director.ListPendingInvoiceVerificationsAsync(new ListPendingInvoiceVerificationsRequest());
        Assert.Equal(2, byDefault.Orders.Count);
        var most = await director.ListPendingInvoiceVerificationsAsync(new ListPendingInvoiceVerificationsRequest { PageSize = 1000 });
        Assert.Equal(3, most.Orders.Count);
        var rest = await director.ListPendingInvoiceVerificationsAsync(new ListPendingInvoiceVerificationsRequest { PageSize = 1000, PageToken = most.NextPageToken });
        Assert.Equal("", rest.NextPageToken);
        Assert.Equal(suspicious.Select(o => o.OrderNumber), most.Orders.Concat(rest.Orders).Select(o => o.OrderNumber));
        await Refused.Naming("page_size", () => director.ListPendingInvoiceVerificationsAsync(new() { PageSize = -1 }).ResponseAsync);
        await Refused.Naming("page_token", () => director.ListPendingInvoiceVerificationsAsync(new() { PageToken = "not-a-token" }).ResponseAsync);
    }

    [Fact]
    public async Task ListEngineers_pages_no_larger_than_configured_and_a_negative_page_size_is_refused_by_name()
    {
        await using var host = await TestHost.StartAsync([new Dispatch.DispatchModule()],
            settings: [new("Dispatch:EngineerPageSize", "2"), new("Dispatch:MaxEngineerPageSize", "3")]);
        var roster = new RosterService.RosterServiceClient(host.ChannelAs(HotlineRoles.Administrator));

        var byDefault = await roster.ListEngineersAsync(new ListEngineersRequest());
        Assert.Equal(2, byDefault.Engineers.Count);
        Assert.NotEqual("", byDefault.NextPageToken);
        var most = await roster.ListEngineersAsync(new ListEngineersRequest { PageSize = 1000 });
        Assert.Equal(3, most.Engineers.Count);
        var next = await roster.ListEngineersAsync(new ListEngineersRequest { PageSize = 1000, PageToken = most.NextPageToken });
        Assert.DoesNotContain(next.Engineers, e => most.Engineers.Any(m => m.EngineerId == e.EngineerId));
        await Refused.Naming("page_size", () => roster.ListEngineersAsync(new ListEngineersRequest { PageSize = -1 }).ResponseAsync);
    }

    [Fact]
    public async Task FileComplaint_texts_longer_than_their_columns_are_refused_by_name_and_nothing_is_filed()
    {
        await using var host = await TestHost.StartAsync([new Complaints.ComplaintsModule()],
            settings: [new("Branches:ByCode:CS:ServiceDirector", "director-changsha")]);
        var desk = new ComplaintDesk.ComplaintDeskClient(host.ChannelAs(HotlineRoles.Agent, "CS"));
        var request = new FileComplaintRequest
        {
            CustomerName = new string('名', 201),
            CustomerPhone = "13912345678",
            BranchCode = "CS",
            SerialNumber = new string('S', 61),
            Category = ComplaintCategory.EngineerConduct,
            Description = new string('d', 4001),
            IdempotencyKey = new string('k', 201),
        };
        var refusal = await Assert.ThrowsAsync<RpcException>(() => desk.FileComplaintAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        foreach (var field in new[] { "customer_name", "serial_number", "description", "idempotency_key" })
            Assert.Contains(field, refusal.Status.Detail);
        var handler = new ComplaintDesk.ComplaintDeskClient(host.ChannelAs(HotlineRoles.ComplaintHandler));
        Assert.Empty((await handler.ListComplaintsAsync(new ListComplaintsRequest())).Complaints);
    }

    [Fact]
    public async Task OpenStreams_over_the_limit_per_caller_are_resource_exhausted_others_and_later_ones_are_not()
    {
        await using var host = await TestHost.StartAsync([new Dispatch.DispatchModule()], settings: [new("Limits:OpenStreamsPerCaller", "2")]);
        DispatchService.DispatchServiceClient As(string subject) =>
            new(host.Channel(DevelopmentTokens.Mint(TestTokens.SigningKey, subject, [HotlineRoles.Dispatcher], "CS")));
        var watcher = As("dispatcher-many-tabs");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        async Task<AsyncServerStreamingCall<BoardUpdate>> OpenAsync(DispatchService.DispatchServiceClient client)
        {
            var stream = client.WatchBoard(new WatchBoardRequest { BranchCode = "CS" }, cancellationToken: cancel.Token);
            Assert.True(await stream.ResponseStream.MoveNext(cancel.Token), "no snapshot on the board stream");
            return stream;
        }

        using var first = await OpenAsync(watcher);
        using var second = await OpenAsync(watcher);
        var third = watcher.WatchBoard(new WatchBoardRequest { BranchCode = "CS" }, cancellationToken: cancel.Token);
        var refusal = await Assert.ThrowsAsync<RpcException>(() => third.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal(StatusCode.ResourceExhausted, refusal.StatusCode);
        third.Dispose();

        // Another dispatcher is not held back by this one's streams.
        using var colleague = await OpenAsync(As("dispatcher-colleague"));

        // Hanging up one frees its place.
        first.Dispose();
        await Eventually.Until(async () =>
        {
            var again = watcher.WatchBoard(new WatchBoardRequest { BranchCode = "CS" }, cancellationToken: cancel.Token);
            try { return await again.ResponseStream.MoveNext(cancel.Token); }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted) { return false; }
            finally { again.Dispose(); }
        }, TimeSpan.FromSeconds(10), "a place once a stream is closed");
    }
}
