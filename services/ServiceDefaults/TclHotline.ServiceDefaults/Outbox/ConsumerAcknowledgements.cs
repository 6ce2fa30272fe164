using System.Collections.Concurrent;
using MassTransit;

namespace TclHotline.ServiceDefaults.Outbox;

/// <summary>
/// On the in-memory bus a published message lives only in this process's memory until its consumers have
/// handled it, so the outbox may not count it delivered at publish time: a crash would lose it. This tells
/// the relay when every consumer endpoint of a message has finished with it, i.e. its unit of work (inbox
/// mark, changes and the events they cause) has committed, or when one gave up after its retries. Until
/// then the outbox row stays unsent, and a restart publishes it again; consumers that had committed skip it
/// through their inbox. The broker transport needs none of this: a confirmed publish is durable there.
/// </summary>
public sealed class ConsumerAcknowledgements : IReceiveObserver
{
    private readonly ConcurrentDictionary<string, Type> _endpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string[]> _endpointsByMessage = new();
    private readonly ConcurrentDictionary<Guid, Awaited> _awaited = new();

    /// <summary>Registers a consumer endpoint (its queue name) and the consumer type that handles its messages.</summary>
    public void AddConsumer(string endpoint, Type consumerType)
    {
        _endpoints[endpoint] = consumerType;
        _endpointsByMessage.Clear();
    }

    /// <summary>
    /// Starts waiting for every consumer endpoint of <paramref name="messageType"/> to handle <paramref name="messageId"/>.
    /// Call before publishing. The task ends with null once all have handled it, or with the first consumer's
    /// error once one has given up; it ends at once (null) when nothing in this process consumes the type.
    /// </summary>
    public Task<string?> AwaitConsumers(Guid messageId, Type messageType)
    {
        var endpoints = _endpointsByMessage.GetOrAdd(messageType, EndpointsOf);
        if (endpoints.Length == 0) return Task.FromResult<string?>(null);
        var awaited = _awaited.AddOrUpdate(messageId, _ => new Awaited(endpoints), (_, existing) => existing);
        return awaited.Outcome.Task;
    }

    /// <summary>Stops waiting (the relay gave up on this publish, or stopped).</summary>
    public void Forget(Guid messageId)
    {
        if (_awaited.TryRemove(messageId, out var awaited)) awaited.Outcome.TrySetResult("no longer awaited");
    }

    private string[] EndpointsOf(Type messageType) => _endpoints
        .Where(e => e.Value.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)
                                                     && Consumed(i.GetGenericArguments()[0]).IsAssignableFrom(messageType)))
        .Select(e => e.Key)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>A batch consumer (<c>IConsumer&lt;Batch&lt;T&gt;&gt;</c>) handles each T: each is reported consumed once its batch committed.</summary>
    private static Type Consumed(Type consumed) =>
        consumed.IsGenericType && consumed.GetGenericTypeDefinition() == typeof(Batch<>) ? consumed.GetGenericArguments()[0] : consumed;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class
    {
        if (context.MessageId is { } id && _awaited.TryGetValue(id, out var awaited) && awaited.Handled(Endpoint(context)))
            _awaited.TryRemove(id, out _);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class
    {
        if (context.MessageId is { } id && _awaited.TryRemove(id, out var awaited))
            awaited.Outcome.TrySetResult($"{Endpoint(context)} gave up: {exception.GetType().Name}: {exception.Message}");
        return Task.CompletedTask;
    }

    private static string Endpoint(ConsumeContext context) => context.ReceiveContext.InputAddress.AbsolutePath.Trim('/').Split('/')[^1];

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;
    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;
    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;

    private sealed class Awaited(string[] endpoints)
    {
        private readonly HashSet<string> _pending = new(endpoints, StringComparer.Ordinal);

        public TaskCompletionSource<string?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <returns>True once every endpoint has handled the message.</returns>
        public bool Handled(string endpoint)
        {
            lock (_pending)
            {
                if (!_pending.Remove(endpoint) || _pending.Count > 0) return false;
            }
            Outcome.TrySetResult(null);
            return true;
        }
    }
}
