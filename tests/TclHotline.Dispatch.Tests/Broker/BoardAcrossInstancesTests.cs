using System.Net.Http.Headers;
using System.Text.Json;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Dispatch.Tests.Support;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests.Broker;

/// <summary>
/// Two dispatch instances sharing one database and one real broker: a board watched on one instance (gRPC
/// stream and the page's event stream) shows a change made through the other.
/// </summary>
[Collection(RabbitMqFixture.Collection)]
public sealed class BoardAcrossInstancesTests(RabbitMqFixture fixture) : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "tclhotline-board-fanout-" + Guid.NewGuid().ToString("N"));
    private TestHost _a = null!;
    private TestHost _b = null!;

    // Each host starts in its own async flow: MassTransit keeps its log context in an AsyncLocal.
    public async Task InitializeAsync()
    {
        _a = await Task.Run(() => TestHost.StartAsync([new DispatchModule()], fixture.Broker.Configuration, dataDirectory: _data, clock: TestClock.Shared));
        _b = await Task.Run(() => TestHost.StartAsync([new DispatchModule()], fixture.Broker.Configuration, dataDirectory: _data, clock: TestClock.Shared));
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [RabbitMqFact]
    public async Task An_override_through_one_instance_reaches_the_board_streams_of_the_other()
    {
        var dispatchA = new Proto.DispatchService.DispatchServiceClient(_a.ChannelAs(HotlineRoles.Dispatcher, "CS"));
        var rosterA = new Proto.RosterService.RosterServiceClient(_a.ChannelAs(HotlineRoles.Dispatcher, "CS"));
        var one = await rosterA.CreateEngineerAsync(new Proto.CreateEngineerRequest { Engineer = Clients.RoundTheClockEngineer("CS-FAN1") });
        var other = await rosterA.CreateEngineerAsync(new Proto.CreateEngineerRequest { Engineer = Clients.RoundTheClockEngineer("CS-FAN2") });
        var order = DispatchService.Order();
        await _a.Services.GetRequiredService<IBus>().Publish(order);
        // Either instance may take the order from the broker; the board shows it once it is planned.
        var planned = await Eventually.Until(
            async () => await TryGetAsync(dispatchA, order.OrderId),
            o => o is not null && (o.CurrentVisit is not null || o.Escalations.Count > 0), TimeSpan.FromSeconds(20), "the order planned");
        var target = planned!.CurrentVisit?.EngineerId == one.EngineerId ? other.EngineerId : one.EngineerId;

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = new Proto.DispatchService.DispatchServiceClient(_b.ChannelAs(HotlineRoles.ServiceDirector, "CS"))
            .WatchBoard(new Proto.WatchBoardRequest { BranchCode = "CS" }, cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        Assert.Contains(watch.ResponseStream.Current.Snapshot.Entries, e => e.OrderId == order.OrderId.ToString());
        using var page = await OpenEventsAsync(_b, cancel.Token);
        Assert.Equal("event: board", await page.ReadLineAsync(cancel.Token));
        Assert.StartsWith("data: {", await page.ReadLineAsync(cancel.Token));

        await dispatchA.AssignEngineerAsync(new Proto.AssignEngineerRequest
        {
            OrderId = order.OrderId.ToString(), EngineerId = target, Reason = "customer asked for this engineer",
        });

        var changed = await Clients.NextEntryAsync(watch.ResponseStream, order.OrderId, e => e.EngineerId == target, cancel.Token);
        Assert.Equal(target, changed.EngineerId);
        while (await page.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal) && EngineerOf(line["data: ".Length..], order.OrderId) == target)
            {
                return;
            }
        }

        Assert.Fail("the page's event stream ended before it showed the override");
    }

    private static async Task<Proto.OrderDispatch?> TryGetAsync(Proto.DispatchService.DispatchServiceClient dispatch, Guid orderId)
    {
        try
        {
            return await dispatch.GetOrderDispatchAsync(new Proto.GetOrderDispatchRequest { OrderId = orderId.ToString() });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task<StreamReader> OpenEventsAsync(TestHost host, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/board/events?branch=CS");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(HotlineRoles.Dispatcher, "CS"));
        var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        return new StreamReader(await response.Content.ReadAsStreamAsync(ct));
    }

    private static string? EngineerOf(string boardJson, Guid orderId)
    {
        using var board = JsonDocument.Parse(boardJson);
        foreach (var entry in board.RootElement.GetProperty("entries").EnumerateArray())
        {
            if (entry.GetProperty("orderId").GetString() == orderId.ToString())
            {
                return entry.GetProperty("engineerId").GetString();
            }
        }

        return null;
    }
}
