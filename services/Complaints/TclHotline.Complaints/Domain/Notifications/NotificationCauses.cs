using System.Globalization;
using System.Text;
using TclHotline.Complaints.Domain.EngineerQuality;
using TclHotline.Messages;
using TclHotline.Messages.Complaints;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Sla;

namespace TclHotline.Complaints.Domain.Notifications;

/// <summary>
/// What each escalation tells its owner. The cause id names the thing escalated, so the same event seen
/// twice (or by two instances) makes one notice per level.
/// </summary>
public static class NotificationCauses
{
    public static NotificationCause Of(DispatchEscalated m, string? orderNumber) => new(
        NotificationKind.DispatchEscalated,
        $"dispatch-escalated:{m.EscalationId:D}",
        m.BranchCode,
        EscalationLevel.BranchServiceDirector,
        m.Deadline == DeadlineKinds.Booking
            ? $"Appointment for order {orderNumber ?? m.OrderId.ToString("D")} not booked in time"
            : $"On-site commitment of order {orderNumber ?? m.OrderId.ToString("D")} at risk",
        $"{m.Reason}\n{(m.Deadline == DeadlineKinds.Booking ? "Booking" : "Commitment")} due {m.CommitmentDue:u}.",
        m.OrderId.ToString("D"));

    public static NotificationCause Of(DeadlineBreached m, string? orderNumber) => new(
        NotificationKind.DispatchDeadlineBreached,
        $"dispatch-breach:{m.BreachId:D}",
        m.BranchCode,
        EscalationLevel.BranchServiceDirector,
        $"The {m.Kind} deadline of order {orderNumber ?? m.SubjectId} was breached",
        $"Due {m.DueAt:u}, breached {m.BreachedAt:u}.",
        m.SubjectId);

    public static NotificationCause Of(ComplaintFiled m) => new(
        NotificationKind.ComplaintFiled,
        $"complaint-filed:{m.ComplaintId:D}",
        m.BranchCode,
        EscalationLevel.BranchServiceDirector,
        $"Complaint {m.ComplaintNumber} filed",
        $"{m.Category} complaint ({m.Source}) filed {m.FiledAt:u}" + (m.OrderId is { } o ? $" about order {o:D}." : "."),
        m.ComplaintId.ToString("D"));

    public static NotificationCause Of(ComplaintEscalated m) => new(
        NotificationKind.ComplaintEscalated,
        $"complaint-escalated:{m.ComplaintId:D}:{m.ToLevel.ToString(CultureInfo.InvariantCulture)}",
        m.BranchCode,
        (EscalationLevel)m.ToLevel,
        $"Complaint {m.ComplaintNumber} escalated to you (level {m.ToLevel.ToString(CultureInfo.InvariantCulture)})",
        $"{m.Reason}\nEscalated {m.EscalatedAt:u}.",
        m.ComplaintId.ToString("D"));

    /// <summary>
    /// Rule 22: each engineer of the branch classed good, needs supervision or should be replaced, worst first,
    /// with the cases behind the class.
    /// </summary>
    public static NotificationCause EngineerQualityReport(
        string branchCode, long period, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<EngineerRecord> records)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Engineers of branch {branchCode}, as of {to:u} (period from {from:u}).\n");
        if (records.Count == 0)
        {
            body.Append("Nothing is known of any engineer yet.\n");
        }

        foreach (var r in records.OrderByDescending(r => r.Classification).ThenBy(r => r.EngineerId, StringComparer.Ordinal))
        {
            body.Append(CultureInfo.InvariantCulture, $"\n{r.EngineerId}: {Words(r.Classification)}. ")
                .Append(CultureInfo.InvariantCulture, $"{r.Arrivals} arrivals ({r.LateArrivals} late), {r.RepairedVisits} repairs ({r.RepeatRepairs} repeated), {r.Complaints} complaints.\n");
            foreach (var reason in r.Reasons)
            {
                body.Append(CultureInfo.InvariantCulture, $"  because {reason}\n");
            }

            foreach (var c in r.Cases)
            {
                body.Append(CultureInfo.InvariantCulture, $"  - {CaseWords(c.Kind)} {c.OccurredAt:u}, order {c.OrderId?.ToString("D") ?? "-"}: {c.Detail}\n");
            }
        }

        return new NotificationCause(
            NotificationKind.EngineerQualityReport,
            $"engineer-quality:{branchCode}:{period.ToString(CultureInfo.InvariantCulture)}",
            branchCode,
            EscalationLevel.BranchServiceDirector,
            $"Engineer quality report for branch {branchCode}",
            body.ToString().TrimEnd(),
            null);
    }

    public static string Words(EngineerClassification c) => c switch
    {
        EngineerClassification.Reliable => "good",
        EngineerClassification.WillingButSlowOrWeak => "needs supervision",
        EngineerClassification.Poor => "should be replaced",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, null),
    };

    private static string CaseWords(EngineerCaseKind kind) => kind switch
    {
        EngineerCaseKind.LateArrival => "missed commitment",
        EngineerCaseKind.RepeatRepair => "repeat repair",
        EngineerCaseKind.Complaint => "complaint",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
