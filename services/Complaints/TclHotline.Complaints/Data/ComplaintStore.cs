using System.Data.Common;
using Dapper;
using TclHotline.Complaints.Domain;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Complaints.Data;

/// <summary>
/// Reads and writes whole complaints: the complaint row and its pending deadlines, escalations, missed
/// deadlines, occurrences and reopenings. Works on a unit of work's connection and transaction, or on a
/// plain connection for reads.
/// </summary>
public static class ComplaintStore
{
    /// <summary>A complaint to read.</summary>
    public static Task<Complaint?> FindAsync(DbConnection c, Guid id, CancellationToken ct) =>
        FindAsync(c, null, ComplaintsSql.SelectComplaint, id, ct);

    /// <summary>A complaint the unit is about to change, locked until it commits.</summary>
    public static Task<Complaint?> FindForChangeAsync(UnitOfWork unit, Guid id, CancellationToken ct) =>
        FindAsync(unit.Connection, unit.Transaction, ComplaintsSql.SelectComplaintForChange[unit.Dialect], id, ct);

    /// <summary>Every complaint about an order, locked as <see cref="FindForChangeAsync"/>.</summary>
    public static async Task<IReadOnlyList<Complaint>> OfOrderForChangeAsync(UnitOfWork unit, Guid orderId, CancellationToken ct)
    {
        var rows = await unit.QueryAsync<ComplaintRow>(ComplaintsSql.SelectComplaintsOfOrderForChange[unit.Dialect], new { OrderId = orderId });
        var complaints = new List<Complaint>();
        foreach (var row in rows)
        {
            complaints.Add(await WithHistoryAsync(unit.Connection, unit.Transaction, row, ct));
        }

        return complaints;
    }

    /// <summary>One page, without history (the list shows complaints, GetComplaint their history).</summary>
    public static async Task<IReadOnlyList<Complaint>> ListAsync(DbConnection c, string sql, ComplaintFilter filter, CancellationToken ct)
    {
        var rows = await c.QueryAsync<ComplaintRow>(new CommandDefinition(sql, new
        {
            filter.BranchCode,
            Level = filter.Level is { } level ? (int?)level : null,
            Status = filter.Status?.ToString(),
            Category = filter.Category?.ToString(),
            AfterFiledAt = filter.After?.FiledAt,
            AfterId = filter.After?.Id,
            Take = filter.Take,
        }, cancellationToken: ct));
        return [.. rows.Select(r => ToComplaint(r, [], [], [], [], []))];
    }

    public static async Task InsertAsync(UnitOfWork unit, Complaint complaint, CancellationToken ct)
    {
        var (c, tx) = (unit.Connection, unit.Transaction);
        var s = complaint.Subject;
        var source = complaint.Source.ToString();
        var round = complaint.Source == ComplaintSource.Agent || s.OrderId is null
            ? 0
            : await c.ExecuteScalarAsync<int>(new CommandDefinition(ComplaintsSql.CountComplaintsOfOrderCause,
                new { s.OrderId, Source = source }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(ComplaintsSql.InsertComplaint, new
        {
            RaisedRound = round,
            complaint.Id,
            complaint.Number,
            complaint.BranchCode,
            Category = complaint.Category.ToString(),
            Source = source,
            s.CustomerName,
            s.CustomerPhone,
            s.OrderId,
            s.OrderNumber,
            s.SerialNumber,
            s.EngineerId,
            complaint.Description,
            complaint.FiledBy,
            complaint.FiledAt,
            Status = complaint.Status.ToString(),
            Level = (int)complaint.Level,
            complaint.Owner,
            complaint.DeadlinesSet,
            complaint.AcknowledgedAt,
            ResolutionText = complaint.Resolution?.Text,
            complaint.Resolution?.Compensation,
            complaint.Resolution?.ResolvedBy,
            complaint.Resolution?.ResolvedAt,
            complaint.SatisfactionScore,
            complaint.ClosedAt,
        }, tx, cancellationToken: ct));
        await WriteHistoryAsync(c, tx, Empty(complaint), complaint, ct);
    }

    /// <summary>Stores what changed from <paramref name="before"/>: the history lists only ever grow.</summary>
    public static async Task UpdateAsync(UnitOfWork unit, Complaint before, Complaint after, CancellationToken ct)
    {
        var (c, tx) = (unit.Connection, unit.Transaction);
        await c.ExecuteAsync(new CommandDefinition(ComplaintsSql.UpdateComplaint, new
        {
            after.Id,
            Status = after.Status.ToString(),
            Level = (int)after.Level,
            after.Owner,
            after.DeadlinesSet,
            after.AcknowledgedAt,
            ResolutionText = after.Resolution?.Text,
            after.Resolution?.Compensation,
            after.Resolution?.ResolvedBy,
            after.Resolution?.ResolvedAt,
            after.SatisfactionScore,
            after.ClosedAt,
        }, tx, cancellationToken: ct));
        await WriteHistoryAsync(c, tx, before, after, ct);
    }

    private static async Task<Complaint?> FindAsync(DbConnection c, DbTransaction? tx, string sql, Guid id, CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<ComplaintRow>(new CommandDefinition(sql, new { Id = id }, tx, cancellationToken: ct));
        return row is null ? null : await WithHistoryAsync(c, tx, row, ct);
    }

    private static Complaint Empty(Complaint complaint) => complaint with
    {
        PendingDeadlines = [],
        Escalations = [],
        MissedDeadlines = [],
        Occurrences = [],
        Reopenings = [],
    };

    private static async Task WriteHistoryAsync(DbConnection c, DbTransaction tx, Complaint before, Complaint after, CancellationToken ct)
    {
        Task Run(string sql, object param) => c.ExecuteAsync(new CommandDefinition(sql, param, tx, cancellationToken: ct));
        var id = after.Id;

        if (!before.PendingDeadlines.SequenceEqual(after.PendingDeadlines))
        {
            await Run(ComplaintsSql.DeletePendingDeadlines, new { Id = id });
            foreach (var d in after.PendingDeadlines)
            {
                await Run(ComplaintsSql.InsertPendingDeadline, new { d.SubjectId, ComplaintId = id, Kind = d.Kind.ToString(), d.StartsAt, d.DueAt });
            }
        }

        for (var i = before.Escalations.Count; i < after.Escalations.Count; i++)
        {
            var e = after.Escalations[i];
            await Run(ComplaintsSql.InsertEscalation, new
            {
                ComplaintId = id, Position = i, FromLevel = (int)e.From, ToLevel = (int)e.To, e.Owner,
                TriggerKind = e.Trigger.ToString(), e.Reason, e.EscalatedBy, e.EscalatedAt,
            });
        }

        for (var i = before.MissedDeadlines.Count; i < after.MissedDeadlines.Count; i++)
        {
            var m = after.MissedDeadlines[i];
            await Run(ComplaintsSql.InsertMissedDeadline, new
            {
                ComplaintId = id, Position = i, Kind = m.Kind.ToString(), Level = (int)m.Level, m.DueAt, m.MissedAt,
            });
        }

        foreach (var o in after.Occurrences.Where(o => !before.HasCause(o.CauseId)))
        {
            await Run(ComplaintsSql.InsertOccurrence, new { ComplaintId = id, o.CauseId, Source = o.Source.ToString(), o.Note, o.OccurredAt });
        }

        for (var i = before.Reopenings.Count; i < after.Reopenings.Count; i++)
        {
            var r = after.Reopenings[i];
            await Run(ComplaintsSql.InsertReopening, new { ComplaintId = id, Position = i, r.Reason, r.ReopenedBy, r.ReopenedAt });
        }
    }

    private static async Task<Complaint> WithHistoryAsync(DbConnection c, DbTransaction? tx, ComplaintRow row, CancellationToken ct)
    {
        Task<IEnumerable<T>> Read<T>(string sql) => c.QueryAsync<T>(new CommandDefinition(sql, new { row.Id }, tx, cancellationToken: ct));
        var pending = await Read<PendingDeadlineRow>(ComplaintsSql.SelectPendingDeadlines);
        var escalations = await Read<EscalationRow>(ComplaintsSql.SelectEscalations);
        var missed = await Read<MissedDeadlineRow>(ComplaintsSql.SelectMissedDeadlines);
        var occurrences = await Read<OccurrenceRow>(ComplaintsSql.SelectOccurrences);
        var reopenings = await Read<ReopeningRow>(ComplaintsSql.SelectReopenings);
        return ToComplaint(
            row,
            [.. pending.Select(p => new PendingDeadline(p.SubjectId, Enum.Parse<ComplaintDeadlineKind>(p.Kind), p.StartsAt, p.DueAt)).OrderBy(p => p.Kind)],
            [.. escalations.Select(e => new EscalationStep(
                (EscalationLevel)e.FromLevel, (EscalationLevel)e.ToLevel, e.Owner, Enum.Parse<EscalationTrigger>(e.TriggerKind), e.Reason, e.EscalatedBy, e.EscalatedAt))],
            [.. missed.Select(m => new MissedDeadline(Enum.Parse<ComplaintDeadlineKind>(m.Kind), (EscalationLevel)m.Level, m.DueAt, m.MissedAt))],
            [.. occurrences.Select(o => new ComplaintOccurrence(Enum.Parse<ComplaintSource>(o.Source), o.CauseId, o.Note, o.OccurredAt))],
            [.. reopenings.Select(r => new Reopening(r.Reason, r.ReopenedBy, r.ReopenedAt))]);
    }

    private static Complaint ToComplaint(
        ComplaintRow row,
        IReadOnlyList<PendingDeadline> pending,
        IReadOnlyList<EscalationStep> escalations,
        IReadOnlyList<MissedDeadline> missed,
        IReadOnlyList<ComplaintOccurrence> occurrences,
        IReadOnlyList<Reopening> reopenings) => new()
        {
            Id = row.Id,
            Number = row.Number,
            BranchCode = row.BranchCode,
            Category = Enum.Parse<ComplaintCategory>(row.Category),
            Source = Enum.Parse<ComplaintSource>(row.Source),
            Subject = new ComplaintSubject(row.CustomerName, row.CustomerPhone, row.OrderId, row.OrderNumber, row.SerialNumber, row.EngineerId),
            Description = row.Description,
            FiledBy = row.FiledBy,
            FiledAt = row.FiledAt,
            Status = Enum.Parse<ComplaintStatus>(row.Status),
            Level = (EscalationLevel)row.Level,
            Owner = row.Owner,
            DeadlinesSet = row.DeadlinesSet,
            AcknowledgedAt = row.AcknowledgedAt,
            Resolution = row.ResolutionText is null
            ? null
            : new Resolution(row.ResolutionText, row.Compensation ?? 0m, row.ResolvedBy ?? "", row.ResolvedAt ?? row.FiledAt),
            SatisfactionScore = row.SatisfactionScore,
            ClosedAt = row.ClosedAt,
            PendingDeadlines = pending,
            Escalations = escalations,
            MissedDeadlines = missed,
            Occurrences = occurrences,
            Reopenings = reopenings,
        };
}

/// <summary>A list request: every filter optional; <see cref="After"/> is the last complaint of the previous page.</summary>
public sealed record ComplaintFilter(
    string? BranchCode,
    EscalationLevel? Level,
    ComplaintStatus? Status,
    ComplaintCategory? Category,
    ComplaintListPosition? After,
    int Take);

/// <summary>Where a complaint sorts in a list, newest first: the page token's key.</summary>
public sealed record ComplaintListPosition(DateTimeOffset FiledAt, Guid Id);
