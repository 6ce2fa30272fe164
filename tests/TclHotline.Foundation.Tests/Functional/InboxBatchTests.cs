using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using TclHotline.Foundation.Tests.Support;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.Testing;
using Xunit;

namespace TclHotline.Foundation.Tests.Functional;

/// <summary>
/// A consumer of batches (<see cref="InboxBatchConsumer{TMessage, TDb}"/>) handles the batch in one unit of work.
/// A message it cannot handle must not take the rest of its batch down with it: the others are handled, once.
/// </summary>
public sealed class InboxBatchTests
{
    [Fact]
    public async Task A_message_that_always_fails_leaves_the_rest_of_its_batch_handled_exactly_once()
    {
        await using var host = await TestHost.StartAsync([new LedgerModule(consumes: false), new BatchLedgerModule()],
            [new("Messaging:BatchTimeLimitMs", "200"), new("Messaging:RetryIntervalsMs:0", "50"), new("Messaging:RetryIntervalsMs:1", "100")]);
        var poison = Guid.NewGuid().ToString("N");
        LedgerBatchConsumer.Failing[poison] = true;

        var client = LedgerFixture.Client(host);
        var subjects = Enumerable.Range(0, 9).Select(_ => Guid.NewGuid().ToString("N")).ToList();
        // Recorded together, so that the poison message arrives inside a batch with the others.
        await Task.WhenAll(subjects.Take(4).Append(poison).Concat(subjects.Skip(4))
            .Select(s => client.RecordAsync(new Ledger.V1.RecordRequest { Subject = s }).ResponseAsync));

        await LedgerFixture.AllAppliedOnceAsync(host, subjects, TimeSpan.FromSeconds(30));
        Assert.True(LedgerBatchConsumer.BatchSizes.Any(n => n > 1), "no batch held more than one message: the test proves nothing");
        Assert.Equal(0, (await LedgerFixture.AppliedAsync(host, [poison]))[poison]);
    }

    private sealed class BatchLedgerModule : IServiceModule
    {
        public string Name => "ledger-batch";

        public void AddServices(IHostApplicationBuilder builder) { }

        public void AddConsumers(ModuleConsumers consumers) => consumers.AddBatch<LedgerBatchConsumer, DeadlineSet>();

        public void MapEndpoints(WebApplication app) { }
    }
}

public sealed class LedgerBatchConsumer(LedgerDatabase db) : InboxBatchConsumer<DeadlineSet, LedgerDatabase>(db)
{
    public static readonly ConcurrentDictionary<string, bool> Failing = new();
    public static readonly ConcurrentBag<int> BatchSizes = [];

    protected override async Task Handle(IReadOnlyList<DeadlineSet> messages, UnitOfWork unit)
    {
        BatchSizes.Add(messages.Count);
        foreach (var message in messages)
        {
            if (Failing.ContainsKey(message.SubjectId)) throw new InvalidOperationException($"ledger batch consumer refuses {message.SubjectId}");
            await unit.ExecuteAsync("UPDATE ledger_entries SET applied_count = applied_count + 1 WHERE subject = @SubjectId", new { message.SubjectId });
        }
    }
}
