using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Dispatch.Consumers;
using TclHotline.Dispatch.Tests.Support;
using TclHotline.Messages.Intake;
using TclHotline.Testing;

namespace TclHotline.Dispatch.Tests.Functional;

/// <summary>
/// Intake's fee estimates are taken in batches, one unit of work per batch: a copy is handled once whether it lands in
/// the same batch as its original or a later one, and an estimate that cannot be stored does not take the others down.
/// </summary>
public class FeeBatchTests(DispatchService service) : IClassFixture<DispatchService>
{
    [Fact]
    public async Task Estimates_sent_together_are_each_kept_once_and_one_that_fails_does_not_lose_the_others()
    {
        var bus = service.Host.Services.GetRequiredService<IBus>();
        var estimates = Enumerable.Range(0, 20)
            .Select(i => (Message: Clients.Estimate(DispatchService.Order(), chargeable: i % 2 == 0, total: 100 + i, revision: 2), MessageId: NewId.NextGuid()))
            .ToList();
        var failing = (Message: Clients.Estimate(DispatchService.Order(), chargeable: true, total: 999, revision: 2), MessageId: NewId.NextGuid());
        await using (var connection = await service.Host.Services.GetRequiredService<DispatchDatabase>().OpenAsync())
        {
            // The database refuses this one order's estimate, every time it is tried.
            await connection.ExecuteAsync($"""
                CREATE TRIGGER refuse_one_estimate BEFORE INSERT ON order_fee_quotes
                WHEN NEW.order_id = '{failing.Message.OrderId:D}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                """);
        }

        // Every estimate twice with the same message id, as a relay publishing again after a crash would, and the failing
        // one among them, so that it shares a batch with some of the others.
        var sent = estimates.Concat([failing]).Concat(estimates).ToList();
        await Task.WhenAll(sent.Select(e => bus.Publish(e.Message, c => c.MessageId = e.MessageId)));
        await Eventually.Until(() => QuotesAsync(estimates.Select(e => e.Message.OrderId)), quotes => quotes.Count == estimates.Count,
            TimeSpan.FromSeconds(20), "every estimate but the refused one kept");

        // A revision 3 of each replaces revision 2; then revision 2's copies come again and change nothing.
        var later = estimates.Select(e => (Message: e.Message with { Revision = 3, Total = e.Message.Total + 1000 }, MessageId: NewId.NextGuid())).ToList();
        await Task.WhenAll(later.Select(e => bus.Publish(e.Message, c => c.MessageId = e.MessageId)));
        await Eventually.Until(() => QuotesAsync(estimates.Select(e => e.Message.OrderId)), quotes => quotes.Values.All(q => q.Revision == 3),
            TimeSpan.FromSeconds(20), "every revision 3 kept");
        await Task.WhenAll(estimates.Select(e => bus.Publish(e.Message, c => c.MessageId = e.MessageId)));
        await Task.Delay(1000);

        var kept = await QuotesAsync(estimates.Select(e => e.Message.OrderId).Append(failing.Message.OrderId));
        Assert.Equal(estimates.Count, kept.Count);
        Assert.All(estimates, e => Assert.Equal((3L, e.Message.Total + 1000), (kept[e.Message.OrderId].Revision, decimal.Parse(kept[e.Message.OrderId].Total,
            System.Globalization.CultureInfo.InvariantCulture))));
        await using (var connection = await service.Host.Services.GetRequiredService<DispatchDatabase>().OpenAsync())
        {
            var marks = (await connection.QueryAsync<Guid>("SELECT message_id FROM inbox_messages WHERE consumer = @Consumer",
                new { Consumer = nameof(FeeEstimatedConsumer) })).ToList();
            Assert.All(estimates.Concat(later), e => Assert.Single(marks, m => m == e.MessageId));
            Assert.DoesNotContain(failing.MessageId, marks);
        }
    }

    private async Task<Dictionary<Guid, (long Revision, string Total)>> QuotesAsync(IEnumerable<Guid> orderIds)
    {
        await using var connection = await service.Host.Services.GetRequiredService<DispatchDatabase>().OpenAsync();
        var rows = await connection.QueryAsync<(string OrderId, long Revision, string Total)>(
            "SELECT order_id, revision, total FROM order_fee_quotes");
        var wanted = orderIds.ToHashSet();
        return rows.Select(r => (Id: Guid.Parse(r.OrderId), r.Revision, r.Total)).Where(r => wanted.Contains(r.Id))
            .ToDictionary(r => r.Id, r => (r.Revision, r.Total));
    }
}
