using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Telephony.Domain;

/// <summary>Bound from the <c>Telephony</c> section; the defaults are the documented ones.</summary>
public sealed class TelephonyOptions
{
    /// <summary>
    /// The shared secret a webhook connector sends in X-Telephony-Secret. Unset: the webhook refuses every
    /// request (there is no default secret).
    /// </summary>
    public string? ConnectorSecret { get; set; }

    /// <summary>An abandoned caller who waited longer than this is called back even with no open order.</summary>
    [Positive]
    public TimeSpan CallbackAfterWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long after the abandonment a callback is due (its deadline on the SLA timer).</summary>
    [Positive]
    public TimeSpan CallbackDue { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The largest webhook body accepted; one call event is well under a kilobyte.</summary>
    [Positive]
    public int WebhookMaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Screen pops held for a slow desk before the oldest is dropped.</summary>
    [Positive]
    public int DeskQueueCapacity { get; set; } = 32;

    /// <summary>Callbacks listed per page when the request asks for no size.</summary>
    [Positive]
    public int CallbackPageSize { get; set; } = 100;

    /// <summary>The most callbacks one page may hold, whatever the request asks.</summary>
    [Positive]
    public int MaxCallbackPageSize { get; set; } = 500;

    /// <summary>An order's calls listed per page when the request asks for no size.</summary>
    [Positive]
    public int CallPageSize { get; set; } = 50;

    /// <summary>The most calls one page may hold, whatever the request asks.</summary>
    [Positive]
    public int MaxCallPageSize { get; set; } = 200;

    /// <summary>
    /// The most open orders a screen pop shows (the newest), and how many of the caller's latest orders its units
    /// are read from: a caller with hundreds of orders (a hotel, a dealer) still pops at once.
    /// </summary>
    [Positive]
    public int ScreenPopOpenOrders { get; set; } = 20;
}
