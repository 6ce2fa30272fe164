using TclHotline.Grpc.Telephony.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Telephony.Tests.Support;

namespace TclHotline.Telephony.Tests.Functional;

[Collection(TelephonyHostCollection.Name)]
public sealed class DuplicateAndReorderedEventTests(TelephonyHostFixture fx)
{
    [Fact]
    public async Task Events_arriving_backwards_and_twice_record_the_call_once_and_right()
    {
        var call = new CallScript("call-reorder-1", DateTimeOffset.UtcNow.AddMinutes(-8))
            .Offered("13500000040", "repair")
            .After(TimeSpan.FromSeconds(15)).Answered("agent-701", "8701")
            .After(TimeSpan.FromMinutes(5)).Ended(TimeSpan.FromMinutes(5), HangUpParty.Caller)
            .After(TimeSpan.FromSeconds(20)).Recording("https://recordings.example/call-reorder-1.wav");
        // Backwards: the late "answered" arrives after "ended".
        var backwards = call.Events.Reverse().ToList();

        var first = await fx.Pbx.PlayOverGrpcStreamAsync(backwards);
        var again = await fx.Pbx.PlayOverGrpcStreamAsync(backwards.Concat(call.Events));

        Assert.Equal((4, 4, 0), (first.Received, first.Recorded, first.Duplicates));
        Assert.Equal((8, 0, 8), (again.Received, again.Recorded, again.Duplicates));
        var got = await fx.ClientAs(HotlineRoles.Agent).GetCallAsync(new GetCallRequest { CallId = "call-reorder-1" });
        Assert.Equal(CallState.Ended, got.State);
        Assert.Equal("agent-701", got.AgentId);
        Assert.Equal("8701", got.Extension);
        Assert.Equal(call[1].EventTime, got.AnsweredAt);
        Assert.Equal(call[0].EventTime, got.OfferedAt);
        Assert.Equal("https://recordings.example/call-reorder-1.wav", got.RecordingUri);
        Assert.Equal(4L, await fx.ScalarAsync<long>("SELECT COUNT(*) FROM call_events WHERE call_id = @Id", new { Id = "call-reorder-1" }));
    }

    [Fact]
    public async Task An_abandonment_reported_twice_and_before_its_offer_makes_one_callback_and_one_deadline()
    {
        var call = new CallScript("call-reorder-2", DateTimeOffset.UtcNow.AddMinutes(-3))
            .Offered("13500000041", "sales")
            .After(TimeSpan.FromMinutes(2)).Abandoned(TimeSpan.FromMinutes(2));
        await fx.Pbx.PlayOverWebhookAsync([call[1]]);
        Assert.Equal(0L, await fx.ScalarAsync<long>("SELECT COUNT(*) FROM callback_tasks WHERE call_id = @Id", new { Id = "call-reorder-2" }));

        await fx.Pbx.PlayOverWebhookAsync([call[0], call[1]]);
        Assert.Equal(0, await fx.Pbx.PlayOverGrpcAsync([call[0], call[1], call[0]]));

        var callbackId = await fx.ScalarAsync<string>("SELECT callback_id FROM callback_tasks WHERE call_id = @Id", new { Id = "call-reorder-2" });
        Assert.NotNull(callbackId);
        Assert.Single(await fx.OutboxAsync("DeadlineSet", callbackId!));
        var got = await fx.ClientAs(HotlineRoles.Agent).GetCallAsync(new GetCallRequest { CallId = "call-reorder-2" });
        Assert.Equal(CallState.Abandoned, got.State);
        Assert.Equal(TimeSpan.FromMinutes(2), got.WaitTime.ToTimeSpan());
    }
}
