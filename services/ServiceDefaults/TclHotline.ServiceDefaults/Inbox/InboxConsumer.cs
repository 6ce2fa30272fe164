using System.Data.Common;
using MassTransit;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Observability;

namespace TclHotline.ServiceDefaults.Inbox;

/// <summary>
/// The base of every consumer: the inbox mark, the business change and the events it causes commit in one
/// transaction, so a message delivered twice changes nothing the second time.
/// </summary>
public abstract class InboxConsumer<TMessage, TDb>(TDb db) : IConsumer<TMessage>
    where TMessage : class
    where TDb : ServiceDatabase
{
    public virtual async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        try
        {
            await using var unit = await db.BeginAsync(context.CancellationToken);
            if (!await unit.TryRecordInboxAsync(messageId, GetType().Name)) return;
            await Handle(context.Message, unit);
            await unit.CommitAsync();
        }
        catch (DbException e)
        {
            // The bus logs a failed message's exception and copies it into the fault and the error queue:
            // masked first, since a database error's text can quote a customer's phone or name.
            throw Redact.DatabaseErrors(e);
        }
    }

    protected abstract Task Handle(TMessage message, UnitOfWork unit);
}
