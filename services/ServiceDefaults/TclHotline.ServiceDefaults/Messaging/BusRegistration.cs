using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TclHotline.ServiceDefaults.Feeds;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.ServiceDefaults.Outbox;

namespace TclHotline.ServiceDefaults.Messaging;

/// <summary>
/// The one bus setup: in-memory for the embedded default, RabbitMQ for the distributed mode (durable quorum
/// queues, publisher confirms, kebab-case names, retry with intervals, faults to the _error queues).
/// </summary>
public static class BusRegistration
{
    public static void AddHotlineBus(this IHostApplicationBuilder builder, IReadOnlyList<IServiceModule> modules)
    {
        var section = builder.Configuration.GetSection("Messaging");
        builder.Services.Configure<MessagingOptions>(section);
        var options = section.Get<MessagingOptions>() ?? new MessagingOptions();
        if (options.DuplicateDeliveries && builder.Environment.IsProduction())
            throw new InvalidOperationException("Messaging:DuplicateDeliveries is a test-only fault and is refused in Production.");
        if (!options.IsRabbitMq && !string.Equals(options.Transport, "InMemory", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Messaging:Transport '{options.Transport}' is not InMemory or RabbitMq.");

        // Start only once the bus is connected and every queue is declared and bound: an event published to an
        // exchange with no bound queue yet (a fresh broker) would be dropped by RabbitMQ.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        var acknowledgements = new ConsumerAcknowledgements();
        builder.Services.AddSingleton(acknowledgements);
        var batchEndpoints = new Dictionary<string, int>(StringComparer.Ordinal);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            foreach (var module in modules)
                module.AddConsumers(new ModuleConsumers(bus, module.Name, acknowledgements, options, batchEndpoints));

            bus.AddConfigureEndpointsCallback((_, name, endpoint) =>
            {
                // A batch endpoint holds every message of the batch being handled and of the one filling meanwhile:
                // with fewer in flight, batches would stay small and wait out their time limit.
                var inFlight = batchEndpoints.TryGetValue(name, out var batch) ? Math.Max(options.ConcurrentMessageLimit, 2 * batch) : options.ConcurrentMessageLimit;
                endpoint.UseMessageRetry(r => r.Intervals(options.RetryIntervalsMs));
                endpoint.ConcurrentMessageLimit = inFlight;
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                    rabbit.PrefetchCount = Math.Max(options.PrefetchCount, inFlight);
                }
            });

            if (options.IsRabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(options.Host, options.Port, options.VirtualHost, h =>
                    {
                        h.Username(options.Username);
                        h.Password(options.Password);
                        h.PublisherConfirmation = true;
                        if (options.UseTls) h.UseSsl(s => s.Protocol = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
                    });
                    cfg.DeployTopologyOnly = options.DeployTopologyOnly;
                    if (!options.DeployTopologyOnly) cfg.ReceiveLiveFeeds(context, string.Join("-", modules.Select(m => m.Name)));
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.ConnectReceiveObserver(acknowledgements);
                    cfg.DeployTopologyOnly = options.DeployTopologyOnly;
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
    }
}

/// <summary>
/// How a module adds its consumers: each gets its own queue named after the service, so two services
/// consuming the same event (each with its own consumer) never compete for one queue, in either run mode.
/// </summary>
public sealed class ModuleConsumers(
    IBusRegistrationConfigurator bus, string service, ConsumerAcknowledgements? acknowledgements = null, MessagingOptions? options = null,
    Dictionary<string, int>? batchEndpoints = null)
{
    private readonly MessagingOptions _options = options ?? new MessagingOptions();

    public void Add<TConsumer>() where TConsumer : class, IConsumer
    {
        var name = Name<TConsumer>();
        acknowledgements?.AddConsumer(name, typeof(TConsumer));
        bus.AddConsumer<TConsumer>().Endpoint(e => e.Name = name);
    }

    /// <summary>
    /// A consumer of <c>Batch&lt;TMessage&gt;</c>: up to <see cref="MessagingOptions.BatchMessageLimit"/> messages at a
    /// time, a partial batch after <see cref="MessagingOptions.BatchTimeLimitMs"/>, one batch at a time per instance.
    /// Same queue name as <see cref="Add{TConsumer}"/> would give it.
    /// </summary>
    public void AddBatch<TConsumer, TMessage>() where TConsumer : class, IConsumer<Batch<TMessage>> where TMessage : class
    {
        var name = Name<TConsumer>();
        acknowledgements?.AddConsumer(name, typeof(TConsumer));
        if (batchEndpoints is not null) batchEndpoints[name] = _options.BatchMessageLimit;
        bus.AddConsumer<TConsumer>((_, consumer) => consumer.Options<BatchOptions>(o => o
                .SetMessageLimit(_options.BatchMessageLimit)
                .SetTimeLimit(TimeSpan.FromMilliseconds(_options.BatchTimeLimitMs))))
            .Endpoint(e => e.Name = name);
    }

    private string Name<TConsumer>() where TConsumer : class, IConsumer =>
        $"{service}-{KebabCaseEndpointNameFormatter.Instance.Consumer<TConsumer>()}";
}
