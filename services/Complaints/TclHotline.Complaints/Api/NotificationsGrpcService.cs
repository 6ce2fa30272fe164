using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TclHotline.Complaints.Application.Notifications;
using TclHotline.Complaints.Data;
using TclHotline.Complaints.Domain.Notifications;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;
using ProtoNotification = TclHotline.Grpc.Complaints.V1.Notification;

namespace TclHotline.Complaints.Api;

/// <summary>
/// The owners' inboxes (tclhotline.complaints.v1.Notifications), for every signed-in user: each sees the
/// notices addressed to a role they hold in a branch they can see; administrators see every role.
/// </summary>
[Authorize]
public sealed class NotificationsGrpcService(ComplaintsDatabase db, NotificationOptions options) : Grpc.Complaints.V1.Notifications.NotificationsBase
{
    private const int WatchBatch = 200;
    private const string ListOperation = "complaints.notifications.list";

    public override async Task<ListNotificationsResponse> ListNotifications(ListNotificationsRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        errors.NotNegative("page_size", request.PageSize);

        var before = PageToken.Decode<NotificationListPosition>(ListOperation, request.PageToken, errors);
        errors.MaxLength("branch_code", request.BranchCode, 20);
        errors.ThrowIfAny();
        var scope = Scope(Caller.From(context), request.BranchCode);
        var size = request.PageSize == 0 ? options.DefaultPageSize : Math.Min(request.PageSize, options.MaxPageSize);
        await using var connection = await db.OpenAsync(context.CancellationToken);
        var found = await NotificationStore.ListAsync(
            connection, db.Dialect, scope, request.OpenOnly, before?.Sequence, size + 1, context.CancellationToken);
        var (page, next) = PageToken.Page(ListOperation, found, size, n => new NotificationListPosition(n.Sequence));
        var response = new ListNotificationsResponse { NextPageToken = next };
        response.Notifications.Add(page.Select(n => n.ToProto()));
        return response;
    }

    public override async Task<ProtoNotification> Acknowledge(AcknowledgeNotificationRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.Id("notification_id", request.NotificationId);
        errors.ThrowIfAny();
        await using var unit = await db.BeginAsync(context.CancellationToken);
        try
        {
            var acknowledged = await NotificationCommands.AcknowledgeAsync(unit, id, Caller.From(context));
            await unit.CommitAsync();
            return acknowledged.ToProto();
        }
        catch (NotificationRefused refused)
        {
            throw new RuleViolationException(refused.Message);
        }
    }

    public override async Task WatchNotifications(WatchNotificationsRequest request, IServerStreamWriter<ProtoNotification> stream, ServerCallContext context)
    {
        var errors = new FieldErrors();
        errors.MaxLength("branch_code", request.BranchCode, 20);
        errors.ThrowIfAny();
        var scope = Scope(Caller.From(context), request.BranchCode);
        var ct = context.CancellationToken;
        long seen;
        await using (var connection = await db.OpenAsync(ct))
        {
            seen = await NotificationStore.LastSequenceAsync(connection, ct);
            long after = 0;
            while (true)
            {
                var open = (await NotificationStore.AfterAsync(connection, db.Dialect, scope, true, after, WatchBatch, ct)).Where(n => n.Sequence <= seen).ToList();
                foreach (var n in open)
                {
                    await stream.WriteAsync(n.ToProto(), ct);
                }

                if (open.Count < WatchBatch)
                {
                    break;
                }

                after = open[^1].Sequence;
            }
        }

        // Any instance may have written the next notice, so the database is asked rather than this process.
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.WatchPollInterval, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await using var connection = await db.OpenAsync(ct);
            foreach (var n in await NotificationStore.AfterAsync(connection, db.Dialect, scope, false, seen, WatchBatch, ct))
            {
                await stream.WriteAsync(n.ToProto(), ct);
                seen = n.Sequence;
            }
        }
    }

    /// <summary>Where a notice sorts in an inbox, newest first: the page token's key.</summary>
    private sealed record NotificationListPosition(long Sequence);

    private static InboxScope Scope(Caller caller, string branchCode) =>
        new(caller.ScopeBranch(branchCode), caller.IsIn(HotlineRoles.Administrator) ? null : caller.Roles);
}
