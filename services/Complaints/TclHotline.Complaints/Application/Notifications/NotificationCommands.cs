using TclHotline.Complaints.Data;
using TclHotline.Complaints.Domain.Notifications;
using TclHotline.Messages;
using TclHotline.Messages.Notifications;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;

namespace TclHotline.Complaints.Application.Notifications;

/// <summary>
/// Rule 25 inside a unit of work: a notice, its outside deliveries and its acknowledge deadline are written
/// with the outbox rows that carry them out (one <see cref="NotificationDeliveryRequested"/> per channel and
/// target, one DeadlineSet with the SLA timer), so either all of it happens or none.
/// </summary>
public sealed class NotificationCommands(Inbox inbox, NotificationRecipients recipients)
{
    /// <returns>The notice, or null when the cause was already noticed at its level.</returns>
    public Task<Notification?> RaiseAsync(UnitOfWork unit, NotificationCause cause) => StoreAsync(unit, inbox.Open(cause, unit.Now));

    private async Task<Notification?> StoreAsync(UnitOfWork unit, Notification notification)
    {
        if (!await NotificationStore.InsertAsync(unit, notification))
        {
            return null;
        }

        var aggregate = notification.Id.ToString("D");
        foreach (var target in recipients.For(notification.BranchCode, notification.RecipientRole))
        {
            await NotificationStore.InsertDeliveryAsync(unit, notification.Id, target);
            await unit.PublishAsync(new NotificationDeliveryRequested(notification.Id, target.Channel, target.Target, unit.Now), aggregate);
        }

        if (notification.AcknowledgeDue is { } due)
        {
            await unit.PublishAsync(
                new DeadlineSet(DeadlineOwners.Notifications, aggregate, DeadlineKinds.Acknowledge, notification.BranchCode, notification.CreatedAt, due, notification.CreatedAt),
                aggregate);
        }

        unit.AfterCommit(() => NotificationsTelemetry.Raised(notification));
        return notification;
    }

    /// <summary>The caller saw the notice: it must be addressed to a role they hold, in a branch they can see.</summary>
    /// <exception cref="NotFoundException">No notice has the id.</exception>
    /// <exception cref="NotificationRefused">It already climbed.</exception>
    public static async Task<Notification> AcknowledgeAsync(UnitOfWork unit, Guid id, Caller caller)
    {
        var notification = await NotificationStore.FindForChangeAsync(unit, id) ?? throw new NotFoundException("no such notification");
        caller.EnsureBranch(notification.BranchCode);
        if (!caller.IsIn(HotlineRoles.Administrator) && !caller.IsIn(notification.RecipientRole))
        {
            throw new AccessDeniedException("not addressed to a role of the caller");
        }

        var (acknowledged, changed) = Inbox.Acknowledge(notification, caller.UserId, unit.Now);
        if (!changed)
        {
            return acknowledged;
        }

        await StoreAcknowledgedAsync(unit, acknowledged);
        await unit.AuditAsync(caller, "notification.Acknowledge", "notification", acknowledged.Id.ToString("D"),
            new { notification.AcknowledgedAt }, new { acknowledged.AcknowledgedAt, acknowledged.AcknowledgedBy });
        return acknowledged;
    }

    /// <summary>
    /// The complaint's owner acknowledged the complaint itself at the desk: its new-complaint notices have
    /// reached someone and stop climbing.
    /// </summary>
    public static async Task ComplaintAcknowledgedAsync(UnitOfWork unit, Guid complaintId, string by, DateTimeOffset at)
    {
        foreach (var open in await NotificationStore.OpenOfSubjectForChangeAsync(unit, complaintId.ToString("D"), NotificationKind.ComplaintFiled))
        {
            await StoreAcknowledgedAsync(unit, Inbox.Acknowledge(open, by, at).Notification);
        }
    }

    private static async Task StoreAcknowledgedAsync(UnitOfWork unit, Notification acknowledged)
    {
        await NotificationStore.AcknowledgeAsync(unit, acknowledged);
        if (acknowledged.AcknowledgeDue is not null)
        {
            var subject = acknowledged.Id.ToString("D");
            await unit.PublishAsync(new DeadlineMet(DeadlineOwners.Notifications, subject, DeadlineKinds.Acknowledge, unit.Now), subject);
        }
    }

    /// <summary>
    /// Its acknowledge deadline passed: the notice climbs to the next level. One acknowledged in the meantime,
    /// already climbed (a repeated breach), or at the top changes nothing.
    /// </summary>
    public async Task DeadlineMissedAsync(UnitOfWork unit, DeadlineBreached breach)
    {
        if (!Guid.TryParseExact(breach.SubjectId, "D", out var id)
            || await NotificationStore.FindForChangeAsync(unit, id) is not { } notification
            || inbox.Climb(notification, breach.BreachedAt) is not { } step)
        {
            return;
        }

        await NotificationStore.MarkClimbedAsync(unit, step.Before);
        await StoreAsync(unit, step.Next);
    }
}
