using Google.Protobuf.WellKnownTypes;
using TclHotline.Complaints.Domain;
using TclHotline.Complaints.Domain.EngineerQuality;
using TclHotline.ServiceDefaults.Grpc;
using static TclHotline.ServiceDefaults.Grpc.ProtoValues;
using Proto = TclHotline.Grpc.Complaints.V1;

namespace TclHotline.Complaints.Api;

/// <summary>Domain to proto. Enums map by name (ProtoEnums.ByName).</summary>
internal static class ProtoMapping
{
    private const decimal FenPerYuan = 100m;

    public static long ToFen(decimal yuan) => (long)decimal.Round(yuan * FenPerYuan);

    public static decimal ToYuan(long fen) => fen / FenPerYuan;

    public static Proto.Complaint ToProto(this Complaint c, bool withHistory)
    {
        var proto = new Proto.Complaint
        {
            ComplaintId = c.Id.ToString("D"),
            ComplaintNumber = c.Number,
            BranchCode = c.BranchCode,
            Category = c.Category.ByName<Proto.ComplaintCategory>(),
            Source = c.Source.ByName<Proto.ComplaintSource>(),
            Status = c.Status.ByName<Proto.ComplaintStatus>(),
            Level = c.Level.ByName<Proto.EscalationLevel>(),
            Owner = c.Owner,
            CustomerName = c.Subject.CustomerName,
            CustomerPhone = c.Subject.CustomerPhone,
            OrderId = c.Subject.OrderId?.ToString("D") ?? "",
            OrderNumber = c.Subject.OrderNumber ?? "",
            SerialNumber = c.Subject.SerialNumber ?? "",
            EngineerId = c.Subject.EngineerId ?? "",
            Description = c.Description,
            FiledBy = c.FiledBy,
            FiledAt = Timestamp.FromDateTimeOffset(c.FiledAt),
            AcknowledgedAt = ToTimestamp(c.AcknowledgedAt),
            SatisfactionScore = c.SatisfactionScore ?? 0,
            ClosedAt = ToTimestamp(c.ClosedAt),
        };
        proto.PendingDeadlines.Add(c.PendingDeadlines.Select(d => new Proto.PendingDeadline
        {
            Kind = d.Kind.ByName<Proto.DeadlineKind>(),
            DueAt = Timestamp.FromDateTimeOffset(d.DueAt),
        }));
        if (c.Resolution is { } r)
        {
            proto.Resolution = new Proto.Resolution
            {
                Text = r.Text,
                CompensationFen = ToFen(r.Compensation),
                ResolvedBy = r.ResolvedBy,
                ResolvedAt = Timestamp.FromDateTimeOffset(r.ResolvedAt),
            };
        }

        if (!withHistory)
        {
            return proto;
        }

        proto.Escalations.Add(c.Escalations.Select(e => new Proto.EscalationStep
        {
            FromLevel = e.From.ByName<Proto.EscalationLevel>(),
            ToLevel = e.To.ByName<Proto.EscalationLevel>(),
            Owner = e.Owner,
            Trigger = e.Trigger.ByName<Proto.EscalationTrigger>(),
            Reason = e.Reason,
            EscalatedBy = e.EscalatedBy,
            EscalatedAt = Timestamp.FromDateTimeOffset(e.EscalatedAt),
        }));
        proto.MissedDeadlines.Add(c.MissedDeadlines.Select(m => new Proto.MissedDeadline
        {
            Kind = m.Kind.ByName<Proto.DeadlineKind>(),
            Level = m.Level.ByName<Proto.EscalationLevel>(),
            DueAt = Timestamp.FromDateTimeOffset(m.DueAt),
            MissedAt = Timestamp.FromDateTimeOffset(m.MissedAt),
        }));
        proto.Occurrences.Add(c.Occurrences.Select(o => new Proto.Occurrence
        {
            Source = o.Source.ByName<Proto.ComplaintSource>(),
            CauseId = o.CauseId,
            Note = o.Note,
            OccurredAt = Timestamp.FromDateTimeOffset(o.OccurredAt),
        }));
        proto.Reopenings.Add(c.Reopenings.Select(r => new Proto.Reopening
        {
            Reason = r.Reason,
            ReopenedBy = r.ReopenedBy,
            ReopenedAt = Timestamp.FromDateTimeOffset(r.ReopenedAt),
        }));
        return proto;
    }

    /// <summary>The record with its newest <paramref name="casesShown"/> cases.</summary>
    public static Proto.EngineerRecord ToProto(this EngineerRecord r, int casesShown)
    {
        var proto = new Proto.EngineerRecord
        {
            EngineerId = r.EngineerId,
            Visits = r.Visits,
            Arrivals = r.Arrivals,
            OnTimeArrivals = r.OnTimeArrivals,
            LateArrivals = r.LateArrivals,
            RepairedVisits = r.RepairedVisits,
            RepeatRepairs = r.RepeatRepairs,
            Complaints = r.Complaints,
            Classification = r.Classification.ByName<Proto.EngineerClassification>(),
        };
        proto.Reasons.Add(r.Reasons);
        proto.MoreCases = r.Cases.Count > casesShown;
        proto.Cases.Add(r.Cases.TakeLast(casesShown).Select(c => new Proto.EngineerCase
        {
            Kind = c.Kind.ByName<Proto.EngineerCaseKind>(),
            OrderId = c.OrderId?.ToString("D") ?? "",
            ComplaintId = c.ComplaintId?.ToString("D") ?? "",
            OccurredAt = Timestamp.FromDateTimeOffset(c.OccurredAt),
            Detail = c.Detail,
        }));
        return proto;
    }

    public static Proto.Notification ToProto(this Domain.Notifications.Notification n) => new()
    {
        NotificationId = n.Id.ToString("D"),
        Kind = n.Kind.ByName<Proto.NotificationKind>(),
        BranchCode = n.BranchCode,
        Level = n.Level.ByName<Proto.EscalationLevel>(),
        RecipientRole = n.RecipientRole,
        Owner = n.Owner,
        Title = n.Title,
        Body = n.Body,
        SubjectId = n.SubjectId ?? "",
        CreatedAt = Timestamp.FromDateTimeOffset(n.CreatedAt),
        AcknowledgeDue = ToTimestamp(n.AcknowledgeDue),
        AcknowledgedAt = ToTimestamp(n.AcknowledgedAt),
        AcknowledgedBy = n.AcknowledgedBy ?? "",
        ClimbedTo = n.ClimbedTo?.ToString("D") ?? "",
        ClimbedAt = ToTimestamp(n.ClimbedAt),
        Sequence = n.Sequence,
    };

}
