using Google.Protobuf.WellKnownTypes;
using TclHotline.Messages.Sla;
using TclHotline.Sla.Domain;
using TclHotline.Sla.Application;
using Proto = TclHotline.Grpc.Sla.V1;

namespace TclHotline.Sla.Api;

/// <summary>Domain deadlines and published notices as the tclhotline.sla.v1 messages.</summary>
internal static class SlaProtoMapping
{
    public static Proto.Deadline ToProto(this Deadline d)
    {
        var proto = new Proto.Deadline
        {
            Owner = d.Owner,
            SubjectId = d.SubjectId,
            Kind = d.Kind,
            BranchCode = d.BranchCode ?? "",
            State = d.State switch
            {
                DeadlineState.AwaitingSet => Proto.DeadlineState.AwaitingSet,
                DeadlineState.Pending => Proto.DeadlineState.Pending,
                DeadlineState.Breached => Proto.DeadlineState.Breached,
                DeadlineState.Met => Proto.DeadlineState.Met,
                DeadlineState.Cancelled => Proto.DeadlineState.Cancelled,
                _ => Proto.DeadlineState.Unspecified,
            },
            MoveCause = d.MoveCause switch
            {
                MoveCause.Customer => Proto.MoveCause.Customer,
                MoveCause.Provider => Proto.MoveCause.Provider,
                _ => Proto.MoveCause.Unspecified,
            },
            PausedSpan = Duration.FromTimeSpan(d.PausedSpan),
            WarnedFraction = d.WarnedFraction,
            Version = d.Version,
            StartsAt = Stamp(d.StartsAt),
            DueAt = Stamp(d.DueAt),
            EffectiveDueAt = Stamp(d.EffectiveDueAt),
            PausedAt = Stamp(d.PausedAt),
            NextFireAt = Stamp(d.NextFireAt),
            BreachedAt = Stamp(d.BreachedAt),
            MetAt = Stamp(d.MetAt),
            CancelledAt = Stamp(d.CancelledAt),
        };
        if (d.Lateness is { } lateness)
        {
            proto.Lateness = Duration.FromTimeSpan(lateness);
        }

        return proto;
    }

    public static Proto.AtRiskDeadline ToAtRisk(this Deadline d) => new()
    {
        Deadline = d.ToProto(),
        Level = AtRiskQuery.LevelOf(d) switch
        {
            AtRiskLevel.Warned => Proto.AtRiskLevel.Warned,
            AtRiskLevel.Breached => Proto.AtRiskLevel.Breached,
            _ => Proto.AtRiskLevel.Unspecified,
        },
    };

    public static Proto.SlaEvent ToProto(this SlaNotice notice) => notice switch
    {
        { Warning: { } w } => new Proto.SlaEvent
        {
            Warning = new Proto.DeadlineWarning
            {
                WarningId = w.WarningId.ToString(),
                Owner = w.Owner,
                SubjectId = w.SubjectId,
                Kind = w.Kind,
                BranchCode = w.BranchCode,
                Fraction = w.Fraction,
                DueAt = Timestamp.FromDateTimeOffset(w.DueAt),
                WarnedAt = Timestamp.FromDateTimeOffset(w.WarnedAt),
            },
        },
        { Breach: { } b } => new Proto.SlaEvent
        {
            Breach = new Proto.DeadlineBreach
            {
                BreachId = b.BreachId.ToString(),
                Owner = b.Owner,
                SubjectId = b.SubjectId,
                Kind = b.Kind,
                BranchCode = b.BranchCode,
                DueAt = Timestamp.FromDateTimeOffset(b.DueAt),
                BreachedAt = Timestamp.FromDateTimeOffset(b.BreachedAt),
                Lateness = Duration.FromTimeSpan(b.Lateness),
            },
        },
        _ => throw new ArgumentException("An SLA notice without a warning or a breach.", nameof(notice)),
    };

    // Unset (null) fields stay absent on the wire.
    private static Timestamp? Stamp(DateTimeOffset? instant) => instant is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
