using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain.Network;
using TclHotline.Dispatch.Domain.Planning;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Grpc;

namespace TclHotline.Dispatch.Application;

/// <summary>
/// What a planning decision is made against, read inside the unit of work: on SQLite the unit holds the
/// write lock, so two orders planned at once never see the same free slot. The network comes from memory
/// while the roster is unchanged; only the bookings the decision can depend on are read (the planner says which).
/// </summary>
public sealed class DispatchContext(NetworkStore networks, OrderStore orders)
{
    public Task<ServiceNetwork> NetworkAsync(UnitOfWork unit) => networks.LoadAsync(unit.Connection, unit.Transaction, CancellationToken.None);

    public Task<Schedule> ScheduleAsync(UnitOfWork unit, ScheduleWindow window) =>
        orders.LoadScheduleAsync(unit.Connection, unit.Transaction, unit.Dialect, window, CancellationToken.None);

    public Task<IReadOnlyList<Booking>> BookingsOfAsync(UnitOfWork unit, string engineerId) =>
        orders.LoadBookingsOfAsync(unit.Connection, unit.Transaction, engineerId, CancellationToken.None);

    public Task<Domain.Completion.FeeQuote?> FeeQuoteAsync(UnitOfWork unit, Guid orderId) =>
        orders.LoadFeeQuoteAsync(unit.Connection, unit.Transaction, orderId, CancellationToken.None);

    public Task<DispatchRecord?> FindAsync(UnitOfWork unit, Guid orderId) =>
        orders.LoadAsync(unit.Connection, unit.Transaction, orderId, CancellationToken.None);

    public async Task<DispatchRecord> RequireAsync(UnitOfWork unit, Guid orderId) =>
        await FindAsync(unit, orderId) ?? throw new NotFoundException($"order {orderId} is not known to dispatch");
}
