namespace TclHotline.ServiceDefaults.Outbox;

/// <summary>Bound from <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Rows published per round.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How often the relay looks for rows when no commit woke it (rows written by another process).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>One relay per database publishes; another takes over when the holder stops renewing.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A row that fails this many times for a reason of its own (a type this build does not know, a payload
    /// that does not parse, or, on the in-memory bus, a consumer that gave up on it) moves to the dead-letter
    /// table, so the rows behind it go on. A broker that is down fails every row and moves none.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>In-memory bus only: a message its consumers have not all handled by then is published again.</summary>
    public TimeSpan AcknowledgementTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>In-memory bus only: at most this many messages handed to the bus and not yet handled by their consumers.</summary>
    public int MaxInFlight { get; set; } = 2000;

    /// <summary>A publish that takes longer (broker down) fails the round; the relay backs off and retries.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent outbox rows, inbox marks and idempotency records are kept this long, then deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}
