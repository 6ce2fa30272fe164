using System.Data.Common;
using MassTransit;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Observability;

namespace TclHotline.ServiceDefaults.Inbox;

/// <summary>
/// <see cref="InboxConsumer{TMessage, TDb}"/> for messages taken in batches (<see cref="Batch{T}"/>, added with
/// <c>ModuleConsumers.AddBatch</c>): the whole batch is one unit of work, so it shares one write turn, one read
/// of whatever the handler needs and one commit; every message still gets its own inbox mark in it, so a message
/// delivered twice, in one batch or in two, is handled once. If the unit fails, nothing of the batch is kept and
/// the bus retries each of its messages on its own (a retried message is delivered as a batch of one).
/// </summary>
public abstract class InboxBatchConsumer<TMessage, TDb>(TDb db) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TDb : ServiceDatabase
{
    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var consumer = GetType().Name;
        try
        {
            await using var unit = await db.BeginAsync(context.CancellationToken);
            var fresh = new List<TMessage>(context.Message.Length);
            foreach (var item in context.Message)
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
