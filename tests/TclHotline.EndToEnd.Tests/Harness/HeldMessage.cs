using RabbitMQ.Client;

namespace TclHotline.EndToEnd.Tests.Harness;

/// <summary>
/// One message taken off a service's queue and held (delivered to the test, not acknowledged), so that messages
/// on other queues overtake it; returned to its queue when the test says. Plays the broker's reordering on purpose.
/// </summary>
public sealed class HeldMessage : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly IReadOnlyList<ulong> _deliveryTags;
    private bool _returned;

    private HeldMessage(IConnection connection, IChannel channel, IReadOnlyList<ulong> deliveryTags)
    {
        _connection = connection;
        _channel = channel;
        _deliveryTags = deliveryTags;
    }

    /// <summary>
    /// Waits for the message on <paramref name="queue"/> whose body mentions <paramref name="mentioning"/> (an order
    /// id) and holds it. Messages ahead of it (left by earlier scenarios, or requeued when the service was killed)
    /// are put back at once, so only the one message the scenario is about is held.
    /// </summary>
    public static async Task<HeldMessage> TakeAsync(int brokerPort, string queue, string mentioning, TimeSpan timeout)
    {
        var connection = await new ConnectionFactory { HostName = "127.0.0.1", Port = brokerPort }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var until = DateTime.UtcNow + timeout;
        var others = new List<ulong>();
        try
        {
            while (true)
            {
                if (await channel.BasicGetAsync(queue, autoAck: false) is { } got)
                {
                    if (Mentions(got, mentioning))
                    {
                        // At-least-once delivery may have put a second copy behind it: hold every copy, or the
                        // service would take that one before the message that is meant to overtake it.
                        var held = new List<ulong> { got.DeliveryTag };
                        var stragglersUntil = DateTime.UtcNow.AddSeconds(2);
                        while (DateTime.UtcNow < stragglersUntil)
                        {
                            if (await channel.BasicGetAsync(queue, autoAck: false) is { } more)
                            {
                                (Mentions(more, mentioning) ? held : others).Add(more.DeliveryTag);
                            }
                            else
                            {
                                await Task.Delay(100);
                            }
                        }

                        return new HeldMessage(connection, channel, held);
                    }

                    others.Add(got.DeliveryTag); // held until the wanted one is found, or basic.get would return it again
                    continue;
                }

                if (DateTime.UtcNow > until)
                {
                    await channel.DisposeAsync();
                    await connection.DisposeAsync();
                    throw new TimeoutException($"no message mentioning {mentioning} arrived on {queue} within {timeout}");
                }

                await Task.Delay(100);
            }
        }
        finally
        {
            if (channel.IsOpen)
            {
                foreach (var tag in others)
                {
                    await channel.BasicNackAsync(tag, multiple: false, requeue: true);
                }
            }
        }
    }

    private static bool Mentions(BasicGetResult message, string text) =>
        System.Text.Encoding.UTF8.GetString(message.Body.Span).Contains(text, StringComparison.Ordinal);

    /// <summary>Puts the message (every copy held) back on its queue for the service's consumer.</summary>
    public async Task ReturnAsync()
    {
        if (!_returned)
        {
            _returned = true;
            foreach (var tag in _deliveryTags)
            {
                await _channel.BasicNackAsync(tag, multiple: false, requeue: true);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReturnAsync();
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
