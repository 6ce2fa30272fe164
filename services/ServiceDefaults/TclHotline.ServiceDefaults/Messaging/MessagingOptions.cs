namespace TclHotline.ServiceDefaults.Messaging;

/// <summary>Bound from <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    /// <summary>InMemory (embedded default, one process) or RabbitMq (distributed).</summary>
    public string Transport { get; set; } = "InMemory";

    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
    public bool UseTls { get; set; }

    /// <summary>Redelivery intervals in the consumer before a message goes to its error queue.</summary>
    public int[] RetryIntervalsMs { get; set; } = [100, 500, 2000, 5000];

    public ushort PrefetchCount { get; set; } = 32;
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>Most messages a batch consumer takes at once (e.g. dispatch's new orders, planned against one read schedule).</summary>
    public int BatchMessageLimit { get; set; } = 50;

    /// <summary>How long a batch consumer waits for its batch to fill once the first message is in; then it takes what it has.</summary>
    public int BatchTimeLimitMs { get; set; } = 10;

    /// <summary>Test-only fault: the outbox relay publishes every message twice. Refused in Production.</summary>
    public bool DuplicateDeliveries { get; set; }

    /// <summary>Set by <c>HotlineApp.DeployTopologyAsync</c>: the bus declares its queues and bindings and consumes nothing.</summary>
    public bool DeployTopologyOnly { get; set; }

    public bool IsRabbitMq => string.Equals(Transport, "RabbitMq", StringComparison.OrdinalIgnoreCase);
}
