using TclHotline.Grpc.Telephony.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Telephony.Tests.Support;
using TclHotline.Testing;

namespace TclHotline.Telephony.Tests.Broker;

/// <summary>Two telephony instances sharing one database and one real broker, as behind a load balancer.</summary>
[Collection(RabbitMqFixture.Collection)]
public sealed class DeskAcrossInstancesTests(RabbitMqFixture fixture)
{
    [RabbitMqFact]
    public async Task A_call_answered_through_one_instance_pops_on_the_desk_watching_the_other()
    {
        var data = Path.Combine(Path.GetTempPath(), "tclhotline-desk-fanout-" + Guid.NewGuid().ToString("N"));
        try
        {
            KeyValuePair<string, string?>[] settings = [.. fixture.Broker.Configuration, new("Telephony:ConnectorSecret", TelephonyHostFixture.Secret)];
            // Each host starts in its own async flow: MassTransit keeps its log context in an AsyncLocal.
            await using var a = await Task.Run(() => TestHost.StartAsync([new TelephonyModule()], settings, dataDirectory: data));
            await using var b = await Task.Run(() => TestHost.StartAsync([new TelephonyModule()], settings, dataDirectory: data));
            using var pbxOnA = new FakePbx(a, TelephonyHostFixture.Secret);

            var desk = new TelephonyService.TelephonyServiceClient(b.Channel(TestTokens.For(HotlineRoles.Agent, HotlineClaims.AllBranches, subject: "agent-fan-1")));
            using var watch = desk.WatchAgentDesk(new WatchAgentDeskRequest { AgentId = "agent-fan-1" });
            await watch.ResponseHeadersAsync;

            var call = new CallScript("call-fanout-1", DateTimeOffset.UtcNow.AddMinutes(-1))
                .Offered("+86 139 0000 4321", "repair")
                .After(TimeSpan.FromSeconds(9)).Answered("agent-fan-1", "8301");
            Assert.Equal(2, await pbxOnA.PlayOverGrpcAsync(call.Events));

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
            Assert.Equal("call-fanout-1", watch.ResponseStream.Current.CallId);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
