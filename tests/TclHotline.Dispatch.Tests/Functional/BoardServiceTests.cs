using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Grpc.Core;
using TclHotline.Dispatch.Tests.Support;
using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests.Functional;

/// <summary>The board over gRPC (snapshot and stream) and over HTTP (JSON and Server-Sent Events).</summary>
public class BoardServiceTests(DispatchService service) : IClassFixture<DispatchService>
{
    [Fact]
    public async Task WatchBoard_sends_a_snapshot_then_the_new_order_and_its_met_state()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = service.Dispatch(HotlineRoles.ServiceDirector).WatchBoard(new Proto.WatchBoardRequest { BranchCode = "CS" }, cancellationToken: cancel.Token);
        var stream = call.ResponseStream;
        Assert.True(await stream.MoveNext(cancel.Token));
        Assert.Equal("CS", stream.Current.Snapshot.BranchCode);

        var order = DispatchService.Order();
        await service.PublishAsync(order);
        var entry = await Clients.NextEntryAsync(stream, order.OrderId, e => e.EngineerId != "", cancel.Token);
        Assert.Equal(Proto.CommitmentState.OnTrack, entry.State);
        Assert.InRange(entry.SecondsLeft, 23 * 3600, 24 * 3600);

        var assigned = await service.AwaitAsync<EngineerAssigned>(order.OrderId);
        await service.Dispatch(HotlineRoles.Engineer, "CS", assigned.EngineerId).ReportArrivalAsync(new Proto.VisitReport
        {
            OrderId = order.OrderId.ToString(), VisitId = assigned.VisitId.ToString(), EngineerId = assigned.EngineerId,
        });
        var met = await Clients.NextEntryAsync(stream, order.OrderId, e => e.State == Proto.CommitmentState.Met, cancel.Token);
        Assert.Equal(assigned.EngineerId, met.EngineerId);

        var board = await service.Dispatch().GetBoardAsync(new Proto.GetBoardRequest { BranchCode = "CS" });
        Assert.True(board.MetToday.Met >= 1);
        Assert.True(board.MetToday.HasFraction);
    }

    [Fact]
    public async Task Board_json_needs_a_desk_token_of_the_branch()
    {
        var order = DispatchService.Order();
        await service.PublishAsync(order);
        await service.AwaitAsync<EngineerAssigned>(order.OrderId);

        var anonymous = await service.Host.Http.GetAsync("/board/api?branch=CS");
        var agent = await Get("/board/api?branch=CS", TestTokens.For(HotlineRoles.Agent, "CS"));
        var otherBranch = await Get("/board/api?branch=CS", TestTokens.For(HotlineRoles.Dispatcher, "WH"));
        var dispatcher = await Get("/board/api?branch=CS", TestTokens.For(HotlineRoles.Dispatcher, "CS"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherBranch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dispatcher.StatusCode);
        using var json = JsonDocument.Parse(await dispatcher.Content.ReadAsStringAsync());
        var entry = json.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("orderId").GetString() == order.OrderId.ToString());
        Assert.Equal("COMMITMENT_STATE_ON_TRACK", entry.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, (await service.Host.Http.GetAsync("/board")).StatusCode);
    }

    [Fact]
    public async Task Board_events_stream_the_board_as_server_sent_events()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/board/events?branch=CS");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(HotlineRoles.Dispatcher, "CS"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await service.Host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        Assert.Equal("event: board", await reader.ReadLineAsync(cancel.Token));
        Assert.StartsWith("data: {", await reader.ReadLineAsync(cancel.Token));

        var order = DispatchService.Order();
        await service.PublishAsync(order);

        while (true)
        {
            var line = await reader.ReadLineAsync(cancel.Token);
            if (line is not null && line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains(order.OrderId.ToString()))
            {
                break;
            }
        }
    }

    private async Task<HttpResponseMessage> Get(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await service.Host.Http.SendAsync(request);
    }
}
