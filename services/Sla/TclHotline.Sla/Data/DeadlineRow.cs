using TclHotline.Sla.Domain;

namespace TclHotline.Sla.Data;

/// <summary>
/// A deadline as stored: enums as their names, spans as milliseconds. Read by Dapper (settable
/// properties, snake_case columns) and converted to and from the domain's <see cref="Deadline"/>.
/// </summary>
internal sealed class DeadlineRow
{
    public string Owner { get; init; } = "";
    public string SubjectId { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? BranchCode { get; init; }
    public DateTimeOffset? StartsAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? SetAt { get; init; }
    public DateTimeOffset? DueSetAt { get; init; }
    public string? MoveCause { get; init; }
    public string State { get; init; } = "";
    public DateTimeOffset? PausedAt { get; init; }
    public long PausedSpanMs { get; init; }
    public DateTimeOffset? LastResumedAt { get; init; }
    public DateTimeOffset? EarlyResumedAt { get; init; }
    public double WarnedFraction { get; init; }
    public DateTimeOffset? NextFireAt { get; init; }
    public DateTimeOffset? BreachedAt { get; init; }
    public DateTimeOffset? MetAt { get; init; }
    public long? LatenessMs { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public long Version { get; init; }
    public string? ClaimedBy { get; init; }
    public DateTimeOffset? ClaimedUntil { get; init; }

    public static DeadlineRow From(Deadline d) => new()
    {
        Owner = d.Owner,
        SubjectId = d.SubjectId,
        Kind = d.Kind,
        BranchCode = d.BranchCode,
        StartsAt = d.StartsAt,
        DueAt = d.DueAt,
        SetAt = d.SetAt,
        DueSetAt = d.DueSetAt,
        MoveCause = d.MoveCause?.ToString(),
        State = d.State.ToString(),
        PausedAt = d.PausedAt,
        PausedSpanMs = (long)d.PausedSpan.TotalMilliseconds,
        LastResumedAt = d.LastResumedAt,
        EarlyResumedAt = d.EarlyResumedAt,
        WarnedFraction = d.WarnedFraction,
        NextFireAt = d.NextFireAt,
        BreachedAt = d.BreachedAt,
        MetAt = d.MetAt,
        LatenessMs = d.Lateness is { } lateness ? (long)lateness.TotalMilliseconds : null,
        CancelledAt = d.CancelledAt,
        Version = d.Version,
        ClaimedBy = d.ClaimedBy,
        ClaimedUntil = d.ClaimedUntil,
    };

    public Deadline ToDeadline() => new()
    {
        Owner = Owner,
        SubjectId = SubjectId,
        Kind = Kind,
        BranchCode = BranchCode,
        StartsAt = StartsAt,
        DueAt = DueAt,
        SetAt = SetAt,
        DueSetAt = DueSetAt,
        MoveCause = MoveCause is null ? null : Enum.Parse<MoveCause>(MoveCause),
        State = Enum.Parse<DeadlineState>(State),
        PausedAt = PausedAt,
        PausedSpan = TimeSpan.FromMilliseconds(PausedSpanMs),
        LastResumedAt = LastResumedAt,
        EarlyResumedAt = EarlyResumedAt,
        WarnedFraction = WarnedFraction,
        NextFireAt = NextFireAt,
        BreachedAt = BreachedAt,
        MetAt = MetAt,
        Lateness = LatenessMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
        CancelledAt = CancelledAt,
        Version = Version,
        ClaimedBy = ClaimedBy,
        ClaimedUntil = ClaimedUntil,
    };
}
