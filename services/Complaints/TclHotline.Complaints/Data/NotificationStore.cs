using System.Data.Common;
using Dapper;
using TclHotline.Complaints.Domain;
using TclHotline.Complaints.Domain.Notifications;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Complaints.Data;

/// <summary>An inbox filter: a branch (null: every branch) and the roles whose notices the caller may read (null: every role).</summary>
public sealed record InboxScope(string? BranchCode, IReadOnlySet<string>? Roles);

/// <summary>The owners' inboxes and their outside deliveries.</summary>
public static class NotificationStore
{
    /// <returns>False when the cause was already noticed at this level (nothing inserted).</returns>
    public static async Task<bool> InsertAsync(UnitOfWork unit, Notification n) =>
        await unit.ExecuteAsync(NotificationsSql.InsertNotification, new
        {
            n.Id,
            Kind = n.Kind.ToString(),
            n.BranchCode,
            Level = (int)n.Level,
            n.RecipientRole,
            n.Owner,
            n.Title,
            n.Body,
            n.SubjectId,
            n.CauseId,
            n.CreatedAt,
            n.AcknowledgeDue,
        }) == 1;

    public static async Task<Notification?> FindForChangeAsync(UnitOfWork unit, Guid id) =>
        (await unit.QuerySingleOrDefaultAsync<NotificationRow>(NotificationsSql.SelectNotificationForChange[unit.Dialect], new { Id = id }))?.ToDomain();

    public static async Task<Notification?> FindAsync(UnitOfWork unit, Guid id) =>
        (await unit.QuerySingleOrDefaultAsync<NotificationRow>(NotificationsSql.SelectNotification, new { Id = id }))?.ToDomain();

    public static async Task<Notification?> FindAsync(DbConnection c, Guid id, CancellationToken ct) =>
        (await c.QuerySingleOrDefaultAsync<NotificationRow>(new CommandDefinition(NotificationsSql.SelectNotification, new { Id = id }, cancellationToken: ct)))?.ToDomain();

    public static async Task<IReadOnlyList<Notification>> OpenOfSubjectForChangeAsync(UnitOfWork unit, string subjectId, NotificationKind kind) =>
        [.. (await unit.QueryAsync<NotificationRow>(NotificationsSql.SelectOpenNotificationsOfSubject[unit.Dialect], new { SubjectId = subjectId, Kind = kind.ToString() }))
            .Select(r => r.ToDomain())];

    public static Task AcknowledgeAsync(UnitOfWork unit, Notification n) =>
        unit.ExecuteAsync(NotificationsSql.AcknowledgeNotification, new { n.Id, n.AcknowledgedAt, n.AcknowledgedBy });

    public static Task MarkClimbedAsync(UnitOfWork unit, Notification n) =>
        unit.ExecuteAsync(NotificationsSql.MarkClimbed, new { n.Id, n.ClimbedTo, n.ClimbedAt });

    /// <param name="before">The page token: the sequence of the last notice of the previous page.</param>
    public static async Task<IReadOnlyList<Notification>> ListAsync(
        DbConnection c, SqlDialect dialect, InboxScope scope, bool openOnly, long? before, int take, CancellationToken ct) =>
        [.. (await c.QueryAsync<NotificationRow>(new CommandDefinition(
            NotificationsSql.ListNotifications[dialect],
            new { scope.BranchCode, AnyRole = scope.Roles is null, Roles = Roles(scope), OpenOnly = openOnly, Before = before, Take = take },
            cancellationToken: ct))).Select(r => r.ToDomain())];

    public static async Task<IReadOnlyList<Notification>> AfterAsync(
        DbConnection c, SqlDialect dialect, InboxScope scope, bool openOnly, long after, int take, CancellationToken ct) =>
        [.. (await c.QueryAsync<NotificationRow>(new CommandDefinition(
            NotificationsSql.NotificationsAfter[dialect],
            new { scope.BranchCode, AnyRole = scope.Roles is null, Roles = Roles(scope), OpenOnly = openOnly, After = after, Take = take },
            cancellationToken: ct))).Select(r => r.ToDomain())];

    public static Task<long> LastSequenceAsync(DbConnection c, CancellationToken ct) =>
        c.ExecuteScalarAsync<long>(new CommandDefinition(NotificationsSql.LastSequence, cancellationToken: ct));

    public static Task InsertDeliveryAsync(UnitOfWork unit, Guid notificationId, NotificationTarget target) =>
        unit.ExecuteAsync(NotificationsSql.InsertDelivery, new { NotificationId = notificationId, target.Channel, target.Target, RequestedAt = unit.Now });

    /// <returns>True when this call took the delivery to send: it is not sent and nobody else is sending it.</returns>
    public static async Task<bool> ClaimAsync(UnitOfWork unit, Guid notificationId, NotificationTarget target, DateTimeOffset until) =>
        await unit.ExecuteAsync(NotificationsSql.ClaimDelivery, new
        {
            NotificationId = notificationId, target.Channel, target.Target, Until = until, Now = unit.Now,
        }) == 1;

    public static Task MarkSentAsync(UnitOfWork unit, Guid notificationId, NotificationTarget target) =>
        unit.ExecuteAsync(NotificationsSql.MarkDeliverySent, new { NotificationId = notificationId, target.Channel, target.Target, SentAt = unit.Now });

    public static Task RecordFailureAsync(UnitOfWork unit, Guid notificationId, NotificationTarget target, string error) =>
        unit.ExecuteAsync(NotificationsSql.RecordDeliveryFailure, new
        {
            NotificationId = notificationId, target.Channel, target.Target, Error = error.Length <= 1900 ? error : error[..1900],
        });

    public static async Task<IReadOnlyList<UnsentDelivery>> UnsentAsync(UnitOfWork unit, DateTimeOffset requestedBefore, int take) =>
        [.. await unit.QueryAsync<UnsentDelivery>(NotificationsSql.SelectUnsentDeliveries[unit.Dialect], new { Before = requestedBefore, Take = take })];

    /// <returns>True when this call claimed the re-request.</returns>
    public static async Task<bool> RerequestAsync(UnitOfWork unit, UnsentDelivery d) =>
        await unit.ExecuteAsync(NotificationsSql.RerequestDelivery, new
        {
            d.NotificationId, d.Channel, d.Target, Seen = d.RequestedAt, RequestedAt = unit.Now,
        }) == 1;

    public static Task<long?> ReportedPeriodAsync(UnitOfWork unit, string branchCode) =>
        unit.QuerySingleOrDefaultAsync<long?>(NotificationsSql.SelectReportedPeriod, new { BranchCode = branchCode });

    public static Task StartReportsAsync(UnitOfWork unit, string branchCode, long period) =>
        unit.ExecuteAsync(NotificationsSql.InsertReportedPeriod, new { BranchCode = branchCode, Period = period });

    /// <returns>True when this call claimed the period.</returns>
    public static async Task<bool> AdvanceReportsAsync(UnitOfWork unit, string branchCode, long seen, long period) =>
        await unit.ExecuteAsync(NotificationsSql.AdvanceReportedPeriod, new { BranchCode = branchCode, Seen = seen, Period = period }) == 1;

    public static async Task<IReadOnlyList<string>> BranchesWithEngineersAsync(UnitOfWork unit) =>
        [.. await unit.QueryAsync<string>(NotificationsSql.SelectBranchesWithEngineers)];

    public static async Task<IReadOnlyList<string>> EngineersOfBranchAsync(UnitOfWork unit, string branchCode) =>
        [.. await unit.QueryAsync<string>(NotificationsSql.SelectEngineersOfBranch, new { BranchCode = branchCode })];

    // Dapper expands an empty list into a predicate that matches nothing; AnyRole decides instead then.
    private static string[] Roles(InboxScope scope) => scope.Roles is { Count: > 0 } roles ? [.. roles] : [""];

    public sealed class UnsentDelivery
    {
        public Guid NotificationId { get; init; }
        public string Channel { get; init; } = "";
        public string Target { get; init; } = "";
        public DateTimeOffset RequestedAt { get; init; }
    }

    private sealed class NotificationRow
    {
        public long Sequence { get; init; }
        public Guid Id { get; init; }
        public string Kind { get; init; } = "";
        public string BranchCode { get; init; } = "";
        public int Level { get; init; }
        public string RecipientRole { get; init; } = "";
        public string Owner { get; init; } = "";
        public string Title { get; init; } = "";
        public string Body { get; init; } = "";
        public string? SubjectId { get; init; }
        public string CauseId { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? AcknowledgeDue { get; init; }
        public DateTimeOffset? AcknowledgedAt { get; init; }
        public string? AcknowledgedBy { get; init; }
        public Guid? ClimbedTo { get; init; }
        public DateTimeOffset? ClimbedAt { get; init; }

        public Notification ToDomain() => new(
            Id,
            Enum.Parse<NotificationKind>(Kind),
            BranchCode,
            (EscalationLevel)Level,
            RecipientRole,
            Owner,
            Title,
            Body,
            SubjectId,
            CauseId,
            CreatedAt,
            AcknowledgeDue,
            AcknowledgedAt,
            AcknowledgedBy,
            ClimbedTo,
            ClimbedAt,
            Sequence);
    }
}
