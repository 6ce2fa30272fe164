using TclHotline.Intake.Domain;
using TclHotline.Intake.Storage;
using TclHotline.Messages.Dispatch;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;

namespace TclHotline.Intake.Consumers;

// Dispatch's events move the order's status on so the agent can tell a chasing customer where it stands.

public sealed class EngineerAssignedConsumer(IntakeDatabase db) : InboxConsumer<EngineerAssigned, IntakeDatabase>(db)
{
    protected override Task Handle(EngineerAssigned message, UnitOfWork unit) =>
        OrderProgress.MoveAsync(unit, message.OrderId, OrderStatus.Assigned, message.EngineerId);
}

public sealed class AppointmentBookedConsumer(IntakeDatabase db) : InboxConsumer<AppointmentBooked, IntakeDatabase>(db)
{
    protected override Task Handle(AppointmentBooked message, UnitOfWork unit) =>
        OrderProgress.MoveAsync(unit, message.OrderId, OrderStatus.AppointmentBooked, message.EngineerId);
}

public sealed class EngineerArrivedConsumer(IntakeDatabase db) : InboxConsumer<EngineerArrived, IntakeDatabase>(db)
{
    protected override Task Handle(EngineerArrived message, UnitOfWork unit) =>
        OrderProgress.MoveAsync(unit, message.OrderId, OrderStatus.EngineerArrived, message.EngineerId);
}

public sealed class CustomerAbsentConsumer(IntakeDatabase db) : InboxConsumer<CustomerAbsent, IntakeDatabase>(db)
{
    protected override Task Handle(CustomerAbsent message, UnitOfWork unit) =>
        OrderProgress.MoveAsync(unit, message.OrderId, OrderStatus.CustomerAbsent, message.EngineerId);
}

internal static class OrderProgress
{
    public static Task MoveAsync(UnitOfWork unit, Guid orderId, OrderStatus status, string? engineerId) =>
        unit.ExecuteAsync(IntakeSql.ChangeStatus, new
        {
            OrderId = orderId, Status = status.ToString(), EngineerId = engineerId, unit.Now, OrderStatusFacts.Closed,
        });
}
