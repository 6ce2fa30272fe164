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

    /// <summary>A publish that takes longer (broker down) fails the round; the relay backs off and retries.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent outbox rows, inbox marks and idempotency records are kept this long, then deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}
