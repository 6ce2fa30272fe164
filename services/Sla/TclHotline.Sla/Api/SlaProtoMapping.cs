using Google.Protobuf.WellKnownTypes;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.Sla.Application;
using TclHotline.Sla.Domain;
using static TclHotline.ServiceDefaults.Grpc.ProtoValues;
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
            State = d.State.ByName<Proto.DeadlineState>(),
            MoveCause = d.MoveCause?.ByName<Proto.MoveCause>() ?? Proto.MoveCause.Unspecified,
            PausedSpan = Duration.FromTimeSpan(d.PausedSpan),
            WarnedFraction = d.WarnedFraction,
            Version = d.Version,
            StartsAt = ToTimestamp(d.StartsAt),
            DueAt = ToTimestamp(d.DueAt),
            EffectiveDueAt = ToTimestamp(d.EffectiveDueAt),
            PausedAt = ToTimestamp(d.PausedAt),
            NextFireAt = ToTimestamp(d.NextFireAt),
            BreachedAt = ToTimestamp(d.BreachedAt),
            MetAt = ToTimestamp(d.MetAt),
            CancelledAt = ToTimestamp(d.CancelledAt),
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
        Level = AtRiskQuery.LevelOf(d)?.ByName<Proto.AtRiskLevel>() ?? Proto.AtRiskLevel.Unspecified,
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
}
