using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Intake.Tests.Support;
using TclHotline.Messages.Dispatch;
using TclHotline.Testing;

namespace TclHotline.Intake.Tests.Functional;

/// <summary>Dispatch's events, published on the host's bus as dispatch would.</summary>
internal static class DispatchEvents
{
    public static async Task PublishAsync<T>(IntakeHost intake, T message) where T : class =>
        await intake.Host.Services.GetRequiredService<IBus>().Publish(message);

    public static async Task CompleteVisitAsync(IntakeHost intake, ServiceOrder order, string serial, int daysInRepair = 0)
    {
        await PublishAsync(intake, new VisitCompleted(Guid.Parse(order.OrderId), Guid.NewGuid(), "E-7", order.BranchCode, serial,
            Clock.Local(Call.Today, "12:00"), true, false, "Picture board", ["T-CON"], [], 0m, daysInRepair, 0));
        await WaitForStatusAsync(intake, order.OrderNumber, OrderStatus.Completed);
    }

    public static Task WaitForStatusAsync(IntakeHost intake, string orderNumber, OrderStatus status) =>
        Eventually.Until(async () => (await intake.ClientAs().GetServiceOrderAsync(new GetServiceOrderRequest { OrderNumber = orderNumber })).Status,
            s => s == status, TimeSpan.FromSeconds(15), $"order {orderNumber} {status}");
}
