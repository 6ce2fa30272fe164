using Google.Protobuf.WellKnownTypes;
using TclHotline.Dispatch.Api;
using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain.Board;
using TclHotline.ServiceDefaults.Grpc;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Data;

/// <summary>
/// A branch's board: its open orders with commitment, time left, engineer and state, and its met shares.
/// The gRPC board, its stream and the web page all read it here.
/// </summary>
public sealed class BoardReader(DispatchDatabase db, NetworkStore networks, OrderStore orders, CommitmentStanding standing, TimeProvider time)
{
    public async Task<Proto.Board> ReadAsync(string branchCode, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var network = await networks.LoadAsync(connection, null, ct);
        var branch = network.Branch(branchCode) ?? throw new NotFoundException($"branch {branchCode} is unknown");
        var now = time.GetUtcNow();
        var records = await orders.LoadOpenOfBranchAsync(connection, branchCode, ct);
        var board = new Proto.Board
        {
            BranchCode = branch.Code,
            BranchName = branch.Name,
            AsOf = Timestamp.FromDateTimeOffset(now),
            TimeZone = branch.TimeZoneId,
        };
        // Overdue first (the longest overdue on top), then soonest due; orders with no deadline running last.
        board.Entries.AddRange(records
            .Select(r => Entry(r, now))
            .OrderByDescending(e => e.Overdue)
            .ThenBy(e => e.DueAt is null && e.BookingDueAt is null)
            .ThenBy(e => e.SecondsLeft));
        var scores = await ScoresAsync(connection, branch, now, ct);
        board.MetToday = scores.MetToday;
        board.MetThisMonth = scores.MetThisMonth;
        return board;
    }

    /// <summary>One order's entry, or null once it has left the board (completed or cancelled).</summary>
    public async Task<Proto.BoardEntry?> EntryAsync(Guid orderId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var record = await orders.LoadAsync(connection, null, orderId, ct);
        return record is { IsOpen: true } ? Entry(record, time.GetUtcNow()) : null;
    }

    public async Task<Proto.Scores> ScoresAsync(string branchCode, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var network = await networks.LoadAsync(connection, null, ct);
        var branch = network.Branch(branchCode) ?? throw new NotFoundException($"branch {branchCode} is unknown");
        return await ScoresAsync(connection, branch, time.GetUtcNow(), ct);
    }

    public CommitmentState StateOf(DispatchRecord record, DateTimeOffset now)
    {
        if (record.Commitment is not { } commitment)
        {
            // Awaiting its appointment: only the booking deadline (rule 2) can be late.
            return record.Booking is { } booking && record.IsOpen
                ? standing.BookingStateOf(booking.StartsAt, booking.DueAt, booking.State == BookingDeadline.Breached,
                    booking.State == BookingDeadline.Warned, now)
                : CommitmentState.OnTrack;
        }

        var current = record.CurrentVisit;
        if (record.CommitmentState == "Breached" && current?.ArrivedAt is null)
        {
            return CommitmentState.Breached;
        }

        var state = standing.StateOf(commitment, new VisitProgress(record.BookedVisit?.PlannedArrival, current?.ArrivedAt, record.Escalated), now);
        // The SLA timer's warning counts even when the board's own reading of the clock has not reached it.
        return state == CommitmentState.OnTrack && record.Warned ? CommitmentState.Warned : state;
    }

    private Proto.BoardEntry Entry(DispatchRecord record, DateTimeOffset now)
    {
        var visit = record.CurrentVisit;
        var entry = new Proto.BoardEntry
        {
            OrderId = record.Order.OrderId.ToString(),
            OrderNumber = record.OrderNumber,
            DistrictCode = record.Order.DistrictCode,
            OrderType = ProtoMapping.ToProto(record.Order.Type),
            IsUrban = record.Order.IsUrban,
            State = ProtoMapping.ToProto(StateOf(record, now)),
            CustomerCaused = record.Commitment?.CustomerCaused ?? false,
            EngineerId = visit?.EngineerId ?? "",
            EngineerName = visit?.EngineerName ?? "",
            VisitStatus = visit is null ? Proto.VisitStatus.Unspecified : ProtoMapping.VisitStatus(visit.Status),
            DistrictName = record.DistrictName,
            RegisteredAt = Timestamp.FromDateTimeOffset(record.Order.RegisteredAt),
            AwaitingBooking = record.AwaitingAppointment,
            ArrivedEarly = visit?.ArrivedEarly ?? false,
        };
        if (record.Commitment is { } commitment)
        {
            entry.DueAt = Timestamp.FromDateTimeOffset(commitment.DueAt);
            entry.SecondsLeft = (long)CommitmentStanding.TimeLeft(commitment, now).TotalSeconds;
            entry.Overdue = entry.SecondsLeft < 0 && visit?.ArrivedAt is null;
        }
        else if (record.Booking is { } booking)
        {
            entry.BookingDueAt = Timestamp.FromDateTimeOffset(booking.DueAt);
            entry.SecondsLeft = (long)(booking.DueAt - now).TotalSeconds;
            entry.Overdue = entry.SecondsLeft < 0;
        }

        if (visit is not null)
        {
            entry.PlannedArrival = Timestamp.FromDateTimeOffset(visit.PlannedArrival);
        }

        return entry;
    }

    private async Task<Proto.Scores> ScoresAsync(System.Data.Common.DbConnection connection, Domain.Network.Branch branch, DateTimeOffset now, CancellationToken ct)
    {
        var clock = branch.Clock;
        var today = clock.LocalDate(now);
        var monthStart = clock.Instant(new DateOnly(today.Year, today.Month, 1), TimeOnly.MinValue);
        var outcomes = await orders.LoadOutcomesAsync(connection, branch.Code, monthStart, ct);
        var (day, month) = CommitmentShare.Of(outcomes.Select(o => new KeptOrMissed(o.DueAt, o.ArrivedAt)), clock, now);
        return new Proto.Scores { MetToday = ProtoMapping.ToProto(day), MetThisMonth = ProtoMapping.ToProto(month) };
    }
}
