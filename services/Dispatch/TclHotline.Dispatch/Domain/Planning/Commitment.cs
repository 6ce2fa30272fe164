namespace TclHotline.Dispatch.Domain.Planning;

public enum CommitmentBasis
{
    /// <summary>Rule 2, urban: registration + the urban span.</summary>
    Urban,

    /// <summary>Rule 2, remote: the booked appointment window.</summary>
    Appointment,

    /// <summary>The customer asked for a later visit; a late arrival then is not the outlet's fault.</summary>
    CustomerRequested,
}

/// <summary>
/// The promise an order's visit must keep: an engineer arrives no later than <see cref="DueAt"/>
/// (and, for an appointment window, not before <see cref="NotBefore"/>). <see cref="Rule"/> records
/// which rule and dates produced it.
/// </summary>
public sealed record Commitment(
    DateTimeOffset StartsAt,
    DateTimeOffset DueAt,
    CommitmentBasis Basis,
    string Rule,
    DateTimeOffset? NotBefore = null,
    DateTimeOffset? OriginalDueAt = null)
{
    public bool CustomerCaused => Basis == CommitmentBasis.CustomerRequested;

    public TimeSpan Span => DueAt - StartsAt;
}
