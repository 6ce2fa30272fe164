using System.Data.Common;
using MassTransit;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Observability;

namespace TclHotline.ServiceDefaults.Inbox;

/// <summary>
/// <see cref="InboxConsumer{TMessage, TDb}"/> for messages taken in batches (<see cref="Batch{T}"/>, added with
/// <c>ModuleConsumers.AddBatch</c>): the whole batch is one unit of work, so it shares one write turn, one read
/// of whatever the handler needs and one commit; every message still gets its own inbox mark in it, so a message
/// delivered twice, in one batch or in two, is handled once. If the unit fails, nothing of it is kept and each
/// message is handled again in a unit of its own, so one message the handler cannot take leaves the others handled.
/// </summary>
public abstract class InboxBatchConsumer<TMessage, TDb>(TDb db) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TDb : ServiceDatabase
{
    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var batch = context.Message;
        try
        {
            await HandleAsync([.. batch], context.CancellationToken);
        }
        catch (Exception) when (batch.Length > 1 && !context.CancellationToken.IsCancellationRequested)
        {
            // One message the handler cannot take must not sink the others: each goes again in a unit of its own.
            // If one still fails, the batch fails and the bus retries it; the messages handled here are then
            // skipped by their inbox marks, so each is still handled once.
            var failures = new List<Exception>();
            foreach (var item in batch)
            {
                try
                {
                    await HandleAsync([item], context.CancellationToken);
                }
                catch (Exception e)
                {
                    failures.Add(e);
                }
            }

            if (failures.Count == 1) throw failures[0];
            if (failures.Count > 1) throw new AggregateException(failures);
        }
    }

    private async Task HandleAsync(IReadOnlyList<ConsumeContext<TMessage>> items, CancellationToken ct)
    {
        var consumer = GetType().Name;
        try
        {
            await using var unit = await db.BeginAsync(ct);
            var fresh = new List<TMessage>(items.Count);
            foreach (var item in items)
            {
                var messageId = item.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
                if (await unit.TryRecordInboxAsync(messageId, consumer)) fresh.Add(item.Message);
            }

            if (fresh.Count > 0) await Handle(fresh, unit);
            await unit.CommitAsync();
        }
        catch (DbException e)
        {
            // As in InboxConsumer: masked before the bus logs it or copies it into a fault.
            throw Redact.DatabaseErrors(e);
        }
    }

    /// <param name="messages">The batch's messages not handled before, in the order they were sent.</param>
    protected abstract Task Handle(IReadOnlyList<TMessage> messages, UnitOfWork unit);
}
