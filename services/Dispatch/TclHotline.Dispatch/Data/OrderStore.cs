using System.Data.Common;
using System.Text.Json;
using Dapper;
using TclHotline.Dispatch.Domain.Planning;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Dispatch.Data;

/// <summary>Reads the orders dispatch serves, with their visits, and the bookings the planner must respect.</summary>
public sealed class OrderStore
{
    public async Task<DispatchRecord?> LoadAsync(DbConnection connection, DbTransaction? transaction, Guid orderId, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<OrderRow>(Command(DispatchSql.SelectOrder, new { OrderId = orderId }, transaction, ct));
        if (row is null)
        {
            return null;
        }

        var visits = await connection.QueryAsync<VisitRow>(Command(DispatchSql.SelectVisitsOfOrder, new { OrderId = orderId }, transaction, ct));
        var escalations = await connection.QueryAsync<EscalationRow>(Command(DispatchSql.SelectEscalationsOfOrder, new { OrderId = orderId }, transaction, ct));
        return DispatchRecord.From(row, visits, escalations);
    }

    /// <summary>Intake's last estimate of the order, null until its FeeEstimated has arrived.</summary>
    public async Task<Domain.Completion.FeeQuote?> LoadFeeQuoteAsync(DbConnection connection, DbTransaction? transaction, Guid orderId, CancellationToken ct) =>
        (await connection.QuerySingleOrDefaultAsync<FeeQuoteRow>(Command(DispatchSql.SelectFeeQuote, new { OrderId = orderId }, transaction, ct)))?.ToQuote();

    public async Task<IReadOnlyList<DispatchRecord>> LoadOpenOfBranchAsync(DbConnection connection, string branchCode, CancellationToken ct)
    {
        var rows = (await connection.QueryAsync<OrderRow>(Command(DispatchSql.SelectOpenOrdersOfBranch, new { BranchCode = branchCode }, null, ct))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var visits = (await connection.QueryAsync<VisitRow>(
            // Dapper expands a list without the Guid type handler: pass the ids as the text they are stored as.
            Command(DispatchSql.SelectVisitsOfOrders, new { OrderIds = rows.Select(r => r.OrderId.ToString("D")).ToList() }, null, ct)))
            .ToLookup(v => v.OrderId);
        // Escalations matter to the board only as the order's flag, which the row carries.
        return rows.Select(r => DispatchRecord.From(r, visits[r.OrderId], [])).ToList();
    }

    /// <summary>The bookings inside <paramref name="window"/>: what one decision can depend on.</summary>
    /// <remarks>
    /// Read column by column rather than through Dapper's row mapping: a batch of orders reads every booking of the
    /// branch's engineers for days around now, and the mapping boxed each number and built a row object per booking.
    /// </remarks>
    public async Task<Schedule> LoadScheduleAsync(
        DbConnection connection, DbTransaction? transaction, SqlDialect dialect, ScheduleWindow window, CancellationToken ct)
    {
        var bookings = new List<Booking>();
        var engineerIds = JsonSerializer.Serialize(window.EngineerIds.Order(StringComparer.Ordinal));
        await using var reader = await connection.ExecuteReaderAsync(Command(DispatchSql.SelectBookingsOfEngineers[dialect],
            new { EngineerIds = engineerIds, window.From, window.Until }, transaction, ct));
        while (await reader.ReadAsync(ct))
        {
            // The columns of DispatchSql.BookingColumns, in order; durations are INT on SQL Server.
            bookings.Add(BookingRow.Booking(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), reader.GetInt32(4), reader.GetInt32(5)));
        }

        return Schedule.Of(bookings);
    }

    /// <summary>Every booking of one engineer, whenever it is.</summary>
    public async Task<IReadOnlyList<Booking>> LoadBookingsOfAsync(DbConnection connection, DbTransaction? transaction, string engineerId, CancellationToken ct) =>
        (await connection.QueryAsync<BookingRow>(Command(DispatchSql.SelectBookingsOfEngineer, new { EngineerId = engineerId }, transaction, ct)))
            .Select(r => r.ToBooking()).ToList();

    public async Task<IReadOnlyList<CommitmentOutcomeRow>> LoadOutcomesAsync(
        DbConnection connection, string branchCode, DateTimeOffset since, CancellationToken ct) =>
        (await connection.QueryAsync<CommitmentOutcomeRow>(
            Command(DispatchSql.SelectBranchCommitmentsSince, new { BranchCode = branchCode, Since = since }, null, ct))).ToList();

    private static CommandDefinition Command(string sql, object? param, DbTransaction? transaction, CancellationToken ct) =>
        new(sql, param, transaction, cancellationToken: ct);
}
