using System.Collections.Concurrent;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using TclHotline.Intake.Tests.Support;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.Testing;

namespace TclHotline.Intake.Tests.Broker;

/// <summary>The distributed mode: an opened order leaves through the outbox and arrives on a real RabbitMQ queue.</summary>
[Collection(RabbitMqFixture.Collection)]
public sealed class BrokerTests(RabbitMqFixture fixture)
{
    [RabbitMqFact]
    public async Task ServiceOrderOpened_reaches_a_consumer_through_RabbitMq()
    {
        await using var host = await TestHost.StartAsync([new IntakeModule(), new ProbeModule()], settings: fixture.Broker.Configuration);
        var client = new TclHotline.Grpc.Intake.V1.IntakeService.IntakeServiceClient(host.ChannelAs("agent"));

        var reply = await client.RegisterCallAsync(Requests.Repair());

        var received = await Eventually.Until(() => Task.FromResult(OpenedProbe.Received.GetValueOrDefault(reply.Order.OrderNumber)),
            m => m is not null, TimeSpan.FromSeconds(30), "ServiceOrderOpened on the broker");
        Assert.Equal(reply.Order.OrderId, received!.OrderId.ToString());
        Assert.Equal("CS", received.BranchCode);
        Assert.True(received.IsUrban);
    }

    /// <summary>A stand-in for dispatch: its own queue bound to ServiceOrderOpened.</summary>
    private sealed class ProbeModule : IServiceModule
    {
        public string Name => "probe";
        public void AddServices(IHostApplicationBuilder builder) { }
        public void AddConsumers(ModuleConsumers consumers) => consumers.Add<OpenedProbe>();
        public void MapEndpoints(WebApplication app) { }
    }

    public sealed class OpenedProbe : IConsumer<ServiceOrderOpened>
    {
        public static readonly ConcurrentDictionary<string, ServiceOrderOpened> Received = new();

        public Task Consume(ConsumeContext<ServiceOrderOpened> context)
        {
            Received[context.Message.OrderNumber] = context.Message;
            return Task.CompletedTask;
        }
    }
}
