using System.Data.Common;
using Dapper;
using TclHotline.Complaints.Domain;
using TclHotline.Complaints.Domain.EngineerQuality;
using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Complaints.Data;

/// <summary>What the customer saw of each engineer (rule 22): arrivals on time or late, completed visits, complaints.</summary>
public static class EngineerFactStore
{
    public static Task RecordAsync(UnitOfWork unit, EngineerArrived m) =>
        unit.ExecuteAsync(ComplaintsSql.InsertArrival, new
        {
            m.VisitId, m.OrderId, m.EngineerId, m.BranchCode, m.ArrivedAt, m.CommitmentDue, m.OnTime,
        });

    public static Task RecordAsync(UnitOfWork unit, VisitCompleted m) =>
        unit.ExecuteAsync(ComplaintsSql.InsertUnitVisit, new
        {
            m.VisitId, m.OrderId, m.EngineerId, m.BranchCode, m.SerialNumber, m.CompletedAt, m.Repaired,
        });

    /// <summary>
    /// The engineer's history, and the branches it happened in (for branch scope); null when nothing is known.
    /// With <paramref name="onlyBranch"/> the history holds only that branch's facts (the branches stay all of them).
    /// </summary>
    public static async Task<(EngineerHistory History, IReadOnlySet<string> Branches)?> HistoryAsync(
        DbConnection c, string engineerId, CancellationToken ct, string? onlyBranch = null)
    {
        Task<IEnumerable<T>> Read<T>(string sql) =>
            c.QueryAsync<T>(new CommandDefinition(sql, new { EngineerId = engineerId }, cancellationToken: ct));
        var arrivals = (await Read<ArrivalRow>(ComplaintsSql.SelectArrivalsOfEngineer)).ToList();
        var visits = (await Read<VisitRow>(ComplaintsSql.SelectVisitsForEngineer)).ToList();
        var complaints = (await Read<ComplaintAgainstRow>(ComplaintsSql.SelectComplaintsAgainstEngineer)).ToList();
        if (arrivals.Count == 0 && visits.Count == 0 && complaints.Count == 0)
        {
            return null;
        }

        var branches = arrivals.Select(a => a.BranchCode)
            .Concat(visits.Where(v => v.EngineerId == engineerId).Select(v => v.BranchCode))
            .Concat(complaints.Select(x => x.BranchCode))
            .ToHashSet(StringComparer.Ordinal);
        bool Shown(string branch) => onlyBranch is null || branch == onlyBranch;
        var history = new EngineerHistory(
            engineerId,
            [.. arrivals.Where(a => Shown(a.BranchCode)).Select(a => new EngineerArrival(a.OrderId, a.VisitId, a.ArrivedAt, a.CommitmentDue, a.OnTime))],
            [.. visits.Where(v => Shown(v.BranchCode)).Select(v => new UnitVisit(v.OrderId, v.VisitId, v.EngineerId, v.BranchCode, v.SerialNumber, v.CompletedAt, v.Repaired))],
            [.. complaints.Where(x => Shown(x.BranchCode)).Select(x => new ComplaintAgainstEngineer(x.Id, x.OrderId, Enum.Parse<ComplaintCategory>(x.Category), x.FiledAt))]);
        return (history, branches);
    }

    private sealed class ArrivalRow
    {
        public Guid OrderId { get; init; }
        public Guid VisitId { get; init; }
        public string BranchCode { get; init; } = "";
        public DateTimeOffset ArrivedAt { get; init; }
        public DateTimeOffset CommitmentDue { get; init; }
        public bool OnTime { get; init; }
    }

    private sealed class VisitRow
    {
        public Guid OrderId { get; init; }
        public Guid VisitId { get; init; }
        public string EngineerId { get; init; } = "";
        public string BranchCode { get; init; } = "";
        public string SerialNumber { get; init; } = "";
        public DateTimeOffset CompletedAt { get; init; }
        public bool Repaired { get; init; }
    }

    private sealed class ComplaintAgainstRow
    {
        public Guid Id { get; init; }
        public Guid? OrderId { get; init; }
        public string BranchCode { get; init; } = "";
        public string Category { get; init; } = "";
        public DateTimeOffset FiledAt { get; init; }
    }
}
