using Dapper;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TclHotline.Grpc.Audit.V1;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Observability;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;

namespace TclHotline.ServiceDefaults.Audit;

/// <summary>The audit trail and the outbox dead letters of every service database in this process, for administrators.</summary>
[Authorize(Roles = HotlineRoles.Administrator)]
public sealed class AuditTrailGrpcService(IEnumerable<ServiceDatabase> databases) : AuditTrail.AuditTrailBase
{
    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var (page, next) = await NewestFirstAsync("audit.entries.list", request.Service, request.PageSize, request.PageToken, context,
            async (db, connection, before, pageSize) => (await connection.QueryAsync<AuditRow>(new CommandDefinition(FoundationSql.SelectAudit[db.Dialect], new
            {
                Before = before,
                Since = request.Since?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch,
                Action = NullIfEmpty(request.Action),
                SubjectId = NullIfEmpty(request.SubjectId),
                Actor = NullIfEmpty(request.Actor),
                PageSize = pageSize,
            }, cancellationToken: context.CancellationToken))).Select(r => r.ToProto(db.Service)),
            e => (e.Service, e.Sequence, e.OccurredAt.ToDateTimeOffset()));
        var response = new ListAuditEntriesResponse { NextPageToken = next };
        response.Entries.AddRange(page);
        return response;
    }

    public override async Task<ListDeadLettersResponse> ListDeadLetters(ListDeadLettersRequest request, ServerCallContext context)
    {
        var (page, next) = await NewestFirstAsync("audit.dead-letters.list", request.Service, request.PageSize, request.PageToken, context,
            async (db, connection, before, pageSize) => (await connection.QueryAsync<DeadLetterRow>(new CommandDefinition(FoundationSql.SelectDeadLetters[db.Dialect], new
            {
                Before = before,
                PageSize = pageSize,
            }, cancellationToken: context.CancellationToken))).Select(r => r.ToProto(db.Service)),
            l => (l.Service, l.Sequence, l.DeadLetteredAt.ToDateTimeOffset()));
        var response = new ListDeadLettersResponse { NextPageToken = next };
        response.DeadLetters.AddRange(page);
        return response;
    }

    /// <summary>
    /// One page, newest first, merged across this process's service databases (or the one named); the page token
    /// holds, per service, the sequence to continue below.
    /// </summary>
    private async Task<(List<T> Page, string NextPageToken)> NewestFirstAsync<T>(
        string list, string serviceName, int requestedPageSize, string pageToken, ServerCallContext context,
        Func<ServiceDatabase, System.Data.Common.DbConnection, long, int, Task<IEnumerable<T>>> read,
        Func<T, (string Service, long Sequence, DateTimeOffset At)> key)
    {
        var known = databases.ToDictionary(d => d.Service);
        var errors = new FieldErrors();
        if (serviceName.Length > 0 && !known.ContainsKey(serviceName))
            errors.Add("service", $"is not one of: {string.Join(", ", known.Keys.Order())}");
        if (requestedPageSize is < 0 or > 500) errors.Add("page_size", "must be between 1 and 500");
        var cursor = PageToken.Decode<MergedPosition>(list, pageToken, errors)?.Below ?? [];
        errors.ThrowIfAny();

        var pageSize = requestedPageSize == 0 ? 50 : requestedPageSize;
        var selected = serviceName.Length > 0 ? [known[serviceName]] : known.Values.OrderBy(d => d.Service).ToList();
        var items = new List<T>();
        foreach (var db in selected)
        {
            await using var connection = await db.OpenAsync(context.CancellationToken);
            items.AddRange(await read(db, connection, cursor.TryGetValue(db.Service, out var c) ? c : long.MaxValue, pageSize));
        }

        var page = items.OrderByDescending(i => key(i).At).ThenByDescending(i => key(i).Sequence).Take(pageSize).ToList();
        if (page.Count < pageSize) return (page, "");
        foreach (var service in page.Select(i => key(i).Service).Distinct())
            cursor[service] = page.Where(i => key(i).Service == service).Min(i => key(i).Sequence);
        return (page, PageToken.Encode(list, new MergedPosition(cursor)));
    }

    public override async Task<ReplayDeadLetterResponse> ReplayDeadLetter(ReplayDeadLetterRequest request, ServerCallContext context)
    {
        var known = databases.ToDictionary(d => d.Service);
        var errors = new FieldErrors();
        if (!known.ContainsKey(request.Service)) errors.Add("service", $"is not one of: {string.Join(", ", known.Keys.Order())}");
        var messageId = errors.Id("message_id", request.MessageId);
        errors.ThrowIfAny();

        var db = known[request.Service];
        await using var unit = await db.BeginAsync(context.CancellationToken);
        var letter = await unit.QuerySingleOrDefaultAsync<DeadLetterRow>(FoundationSql.SelectDeadLetter, new { MessageId = messageId })
                     ?? throw new NotFoundException($"no dead letter {messageId} in {db.Service}");
        await unit.ExecuteAsync(FoundationSql.ReplayDeadLetter, new { MessageId = messageId });
        await unit.ExecuteAsync(FoundationSql.DeleteDeadLetter, new { MessageId = messageId });
        await unit.AuditAsync(Caller.From(context), "outbox.replay-dead-letter", letter.MessageType, messageId.ToString(),
            new { letter.Attempts, letter.LastError, letter.DeadLetteredAt }, null);
        await unit.CommitAsync();
        db.OutboxSignal.Notify();
        HotlineTelemetry.OutboxReplayed.Add(1, new KeyValuePair<string, object?>("service", db.Service));
        return new ReplayDeadLetterResponse { Replayed = letter.ToProto(db.Service) };
    }

    /// <summary>Where a merged list stands: per service, the sequence to continue below.</summary>
    private sealed record MergedPosition(Dictionary<string, long> Below);

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private sealed class DeadLetterRow
    {
        public long Sequence { get; init; }
        public Guid MessageId { get; init; }
        public string AggregateId { get; init; } = "";
        public string MessageType { get; init; } = "";
        public string Body { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public DateTimeOffset DeadLetteredAt { get; init; }

        public DeadLetter ToProto(string service) => new()
        {
            Service = service, Sequence = Sequence, MessageId = MessageId.ToString(), AggregateId = AggregateId, MessageType = MessageType, Body = Body,
            CreatedAt = Timestamp.FromDateTimeOffset(CreatedAt), Attempts = Attempts, LastError = LastError ?? "",
            DeadLetteredAt = Timestamp.FromDateTimeOffset(DeadLetteredAt),
        };
    }

    private sealed class AuditRow
    {
        public long Sequence { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public string Actor { get; init; } = "";
        public string ActorRoles { get; init; } = "";
        public string ActorBranch { get; init; } = "";
        public string Action { get; init; } = "";
        public string SubjectType { get; init; } = "";
        public string SubjectId { get; init; } = "";
        public string? BeforeJson { get; init; }
        public string? AfterJson { get; init; }

        public AuditEntry ToProto(string service) => new()
        {
            Sequence = Sequence, Service = service, OccurredAt = Timestamp.FromDateTimeOffset(OccurredAt), Actor = Actor, ActorRoles = ActorRoles,
            ActorBranch = ActorBranch, Action = Action, SubjectType = SubjectType, SubjectId = SubjectId,
            BeforeJson = BeforeJson ?? "", AfterJson = AfterJson ?? "",
        };
    }
}
