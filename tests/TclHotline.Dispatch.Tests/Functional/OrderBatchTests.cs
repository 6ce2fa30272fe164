using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Dispatch.Consumers;
using TclHotline.Dispatch.Tests.Support;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Sla;

namespace TclHotline.Dispatch.Tests.Functional;

/// <summary>New orders are taken in batches, one unit of work per batch: the guarantees of one order per unit still hold.</summary>
public class OrderBatchTests(DispatchService service) : IClassFixture<DispatchService>
{
    [Fact]
    public async Task Orders_opened_together_are_each_planned_once_with_their_own_inbox_mark_and_a_redelivery_changes_nothing()
    {
        var orders = Enumerable.Range(0, 12).Select(_ => (Message: DispatchService.Order(), MessageId: NewId.NextGuid())).ToList();
        var bus = service.Host.Services.GetRequiredService<IBus>();

        // Every opening twice with the same message id, as a relay publishing again after a crash would: a copy may
        // land in the same batch as its original or in another one.
        await Task.WhenAll(orders.Concat(orders).Select(o => bus.Publish(o.Message, c => c.MessageId = o.MessageId)));
        var assigned = new List<EngineerAssigned>();
        foreach (var (message, _) in orders)
        {
            assigned.Add(await service.AwaitAsync<EngineerAssigned>(message.OrderId));
        }

        // And once more after all were handled.
        await Task.WhenAll(orders.Select(o => bus.Publish(o.Message, c => c.MessageId = o.MessageId)));
        await Task.Delay(1000);

        foreach (var (message, _) in orders)
        {
            Assert.Single(await service.PublishedAsync<EngineerAssigned>(message.OrderId));
            Assert.Single(await service.PublishedAsync<DeadlineSet>(message.OrderId));
        }

        await using (var connection = await service.Host.Services.GetRequiredService<DispatchDatabase>().OpenAsync())
        {
            var marked = (await connection.QueryAsync<Guid>("SELECT message_id FROM inbox_messages WHERE consumer = @Consumer",
                new { Consumer = nameof(ServiceOrderOpenedConsumer) })).ToHashSet();
            Assert.All(orders, o => Assert.Contains(o.MessageId, marked));
        }

        // Planned one after the other against the same schedule: no engineer is sent to two places at once
        // (every repair visit in the seed takes at least an hour on site).
        foreach (var visits in assigned.GroupBy(a => a.EngineerId))
        {
            var arrivals = visits.Select(v => v.PlannedArrival).Order().ToList();
            Assert.All(arrivals.Zip(arrivals.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromHours(1),
                $"{visits.Key}: {pair.First:O} and {pair.Second:O}"));
        }
    }
}
