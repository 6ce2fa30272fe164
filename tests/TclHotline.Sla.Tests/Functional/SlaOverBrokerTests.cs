using Dapper;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Messages;
using TclHotline.Messages.Sla;
using TclHotline.Sla.Domain;
using TclHotline.Testing;

namespace TclHotline.Sla.Tests.Functional;

[CollectionDefinition(RabbitMqFixture.Collection)]
public class RabbitMqCollection : ICollectionFixture<RabbitMqFixture>;

/// <summary>The distributed run mode: owner events arrive over RabbitMQ and the breach is published back to it.</summary>
[Collection(RabbitMqFixture.Collection)]
public class SlaOverBrokerTests(RabbitMqFixture fixture)
{
    [RabbitMqFact]
    public async Task ADeadlineSetOverRabbitMq_IsStored_AndItsBreachIsPublishedToTheBroker_Once()
    {
        await using var host = await TestHost.StartAsync([new SlaModule()], settings: fixture.Broker.Configuration);
        var now = DateTimeOffset.UtcNow;
        var set = new DeadlineSet(DeadlineOwners.Dispatch, "SO-BROKER-1", DeadlineKinds.OnSite, "CS", now, now.AddSeconds(2), now);
        await host.Publish(set);

        var key = new DeadlineKey(set.Owner, set.SubjectId, set.Kind);
        var breached = await host.Until(key, d => d.State == DeadlineState.Breached, "the breach");
        var sent = await Eventually.Until(() => SentBreachesAsync(host, set.SubjectId), n => n >= 1, TimeSpan.FromSeconds(15), "the breach relayed to the broker");

        Assert.Equal(1, sent);
        Assert.Single(await host.OutboxBodies<DeadlineBreached>(set.SubjectId));
        // Instants are stored to the millisecond, so the breach is compared with the due time as stored.
        Assert.True(breached.BreachedAt >= breached.DueAt, $"breached at {breached.BreachedAt:O}, due {breached.DueAt:O}");
    }

    private static async Task<long> SentBreachesAsync(TestHost host, string subjectId)
    {
        await using var connection = await host.Services.GetRequiredService<SlaDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM outbox_messages WHERE message_type = @Type AND sent_at IS NOT NULL AND body LIKE @Subject",
            new { Type = typeof(DeadlineBreached).FullName, Subject = $"%\"subjectId\":\"{subjectId}\"%" });
    }
}
