using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace TclHotline.ServiceDefaults.Feeds;

/// <summary>Registers live feeds and the per-instance queue that brings other instances' items to them.</summary>
public static class LiveFeedEndpoint
{
    /// <summary>Adds <see cref="LiveFeed{T}"/> as a singleton; <paramref name="keyOf"/> is what watchers pick items by.</summary>
    public static IServiceCollection AddLiveFeed<T>(this IServiceCollection services, Func<T, string> keyOf) where T : class
    {
        services.TryAddSingleton<LiveFeedRelay>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LiveFeedRelayService>());
        services.AddSingleton(sp => new LiveFeed<T>(keyOf, sp.GetRequiredService<LiveFeedRelay>()));
        services.AddSingleton<ILiveFeedReceiver>(sp => sp.GetRequiredService<LiveFeed<T>>());
        return services;
    }

    /// <summary>
    /// One queue per instance, bound to the item types of the feeds this host has: not durable, deleted with
    /// the connection (exclusive, auto-delete), so a stopped instance leaves nothing behind on the broker. An
    /// item that cannot be handled is dropped, never parked in an error queue of an instance that is gone.
    /// </summary>
    public static void ReceiveLiveFeeds(this IRabbitMqBusFactoryConfigurator bus, IBusRegistrationContext context, string service)
    {
        var receivers = context.GetServices<ILiveFeedReceiver>().ToList();
        if (receivers.Count == 0)
        {
            return;
        }

        foreach (var receiver in receivers)
        {
            receiver.Name(bus, service);
        }

        var instance = context.GetRequiredService<LiveFeedRelay>().Instance;
        bus.ReceiveEndpoint(QueueName(service, instance), endpoint =>
        {
            endpoint.Durable = false;
            endpoint.AutoDelete = true;
            endpoint.Exclusive = true;
            // One at a time keeps the publishers' order (a warning before its breach); handling is a buffer write.
            endpoint.ConcurrentMessageLimit = 1;
            // Bursts (a batch of breaches) come off the broker in large bites rather than a round trip per few items.
            endpoint.PrefetchCount = 256;
            endpoint.DiscardFaultedMessages();
            endpoint.DiscardSkippedMessages();
            foreach (var receiver in receivers)
            {
                receiver.Receive(endpoint, instance);
            }
        });
    }

    public static string QueueName(string service, Guid instance) => $"{service}-live-feed-{instance:N}";
}
