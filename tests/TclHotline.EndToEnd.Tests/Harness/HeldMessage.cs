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
    private readonly ulong _deliveryTag;
    private bool _returned;

    private HeldMessage(IConnection connection, IChannel channel, ulong deliveryTag)
    {
        _connection = connection;
        _channel = channel;
        _deliveryTag = deliveryTag;
    }

    /// <summary>Waits for the next message on <paramref name="queue"/> and holds it.</summary>
    public static async Task<HeldMessage> TakeAsync(int brokerPort, string queue, TimeSpan timeout)
    {
        var connection = await new ConnectionFactory { HostName = "127.0.0.1", Port = brokerPort }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await channel.BasicGetAsync(queue, autoAck: false) is { } got)
            {
                return new HeldMessage(connection, channel, got.DeliveryTag);
            }

            if (DateTime.UtcNow > until)
            {
                await channel.DisposeAsync();
                await connection.DisposeAsync();
                throw new TimeoutException($"no message arrived on {queue} within {timeout}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Puts the message back on its queue for the service's consumer.</summary>
    public async Task ReturnAsync()
    {
        if (!_returned)
        {
            _returned = true;
            await _channel.BasicNackAsync(_deliveryTag, multiple: false, requeue: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReturnAsync();
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
