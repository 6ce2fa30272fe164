using System.Data.Common;
using Dapper;
using TclHotline.Messages;
using TclHotline.Messages.Dispatch;
using TclHotline.Messages.Sla;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Returns.Application;

/// <summary>
/// Whether each order's on-site commitment was kept, projected from dispatch's own events for the branch
/// report: an engineer's arrival decides it (on time or not); a breach of the on-site deadline counts as missed
/// until an arrival says otherwise. One row per order, so a repeated event changes nothing.
/// </summary>
public static class CommitmentOutcomes
{
    private const string ByArrival = "arrival", ByBreach = "breach";

    // A later arrival decides over a breach seen first (the breach may have raced an on-time arrival);
    // a second arrival for the same order (a follow-up visit) does not change the first one's verdict.
    private const string ArrivalOverBreach = """
        UPDATE report_commitments SET kept = @Kept, due_at = @DueAt, decided_by = 'arrival'
        WHERE order_id = @OrderId AND decided_by = 'breach'
        """;

    private const string InsertOutcome = """
        INSERT INTO report_commitments (order_id, branch_code, due_at, kept, decided_by)
        SELECT @OrderId, @BranchCode, @DueAt, @Kept, @DecidedBy
        WHERE NOT EXISTS (SELECT 1 FROM report_commitments WHERE order_id = @OrderId)
        """;

    private const string SelectOutcomes = """
        SELECT due_at AS DueAt, kept AS Kept FROM report_commitments
        WHERE branch_code = @BranchCode AND due_at >= @From AND due_at < @To
        """;

    /// <summary>Every statement this projection sends, for the SQL Server syntax test.</summary>
    public static IReadOnlyList<string> Statements => [ArrivalOverBreach, InsertOutcome, SelectOutcomes];

    public static async Task ArrivedAsync(UnitOfWork unit, EngineerArrived m)
    {
        var row = new { m.OrderId, m.BranchCode, DueAt = m.CommitmentDue, Kept = m.OnTime, DecidedBy = ByArrival };
        await unit.ExecuteAsync(ArrivalOverBreach, row);
        await unit.ExecuteAsync(InsertOutcome, row);
    }

    public static async Task BreachedAsync(UnitOfWork unit, DeadlineBreached m)
    {
        if (m.Owner != DeadlineOwners.Dispatch || m.Kind != DeadlineKinds.OnSite || !Guid.TryParse(m.SubjectId, out var orderId))
        {
            return;
        }

        await unit.ExecuteAsync(InsertOutcome, new { OrderId = orderId, m.BranchCode, m.DueAt, Kept = false, DecidedBy = ByBreach });
    }

    /// <summary>The branch's commitments falling due in [from, to).</summary>
    public static async Task<IReadOnlyList<CommitmentOutcome>> ReadAsync(DbConnection connection, string branch, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        [.. await connection.QueryAsync<CommitmentOutcome>(new CommandDefinition(SelectOutcomes, new { BranchCode = branch, From = from, To = to }, cancellationToken: ct))];
}

public sealed class CommitmentOutcome
{
    public DateTimeOffset DueAt { get; init; }
    public bool Kept { get; init; }
}
