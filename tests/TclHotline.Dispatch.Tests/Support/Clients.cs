using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TclHotline.ServiceDefaults.Security;
using Proto = TclHotline.Grpc.Dispatch.V1;

namespace TclHotline.Dispatch.Tests.Support;

/// <summary>gRPC clients of a running dispatch module, as the roles the tests need.</summary>
public static class Clients
{
    public static Proto.DispatchService.DispatchServiceClient Dispatch(this DispatchService service, string role = HotlineRoles.Dispatcher,
        string branch = "CS", string? engineerId = null) =>
        new(service.Host.ChannelAs(role, branch, engineerId));

    public static Proto.RosterService.RosterServiceClient Roster(this DispatchService service, string role = HotlineRoles.Dispatcher,
        string branch = "CS") =>
        new(service.Host.ChannelAs(role, branch));

    public static async Task<Proto.OrderDispatch> OrderAsync(this DispatchService service, Guid orderId) =>
        await service.Dispatch().GetOrderDispatchAsync(new Proto.GetOrderDispatchRequest { OrderId = orderId.ToString() });

    /// <summary>An engineer of outlet CS-FR working round the clock with room for many visits, so overrides can always be placed.</summary>
    public static async Task<Proto.Engineer> CreateRoundTheClockEngineerAsync(this DispatchService service, string id) =>
        await service.Roster().CreateEngineerAsync(new Proto.CreateEngineerRequest { Engineer = RoundTheClockEngineer(id) });

    public static Proto.Engineer RoundTheClockEngineer(string id) => new()
    {
        EngineerId = id, Name = "测试工程师", OutletId = "CS-FR", DailyCapacity = 40,
        Skills = { Proto.Skill.Repair },
        Shifts = { new Proto.Shift { Start = "00:00", End = "23:59" } },
        VisitDurations =
        {
            new Proto.VisitDuration { OrderType = Proto.OrderType.Repair, Minutes = 60 },
            new Proto.VisitDuration { OrderType = Proto.OrderType.PreSaleRepair, Minutes = 45 },
        },
    };

    /// <summary>Books the latest window proposed for a remote order (as an agent): it opens well after now.</summary>
    public static async Task<Proto.OrderDispatch> BookLatestSlotAsync(this DispatchService service, Guid orderId)
    {
        var agent = service.Dispatch(HotlineRoles.Agent);
        var slot = (await agent.ProposeAppointmentsAsync(new Proto.ProposeAppointmentsRequest { OrderId = orderId.ToString() })).Slots.Last();
        return await agent.BookAppointmentAsync(new Proto.BookAppointmentRequest { OrderId = orderId.ToString(), WindowStart = slot.WindowStart });
    }

    public static Timestamp Stamp(DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    /// <summary>An urban repair opened and auto-assigned: the order and its assignment.</summary>
    public static async Task<(Messages.Intake.ServiceOrderOpened Order, Messages.Dispatch.EngineerAssigned Visit)> AssignedAsync(this DispatchService service)
    {
        var order = DispatchService.Order();
        await service.PublishAsync(order);
        return (order, await service.AwaitAsync<Messages.Dispatch.EngineerAssigned>(order.OrderId));
    }

    /// <summary>Intake's fee estimate for an order, as the bus delivers it.</summary>
    public static Messages.Intake.FeeEstimated Estimate(Messages.Intake.ServiceOrderOpened order, bool chargeable, decimal total, int revision) =>
        new(order.OrderId, order.OrderNumber, order.BranchCode, revision, "ASSIGNED", chargeable, total, true, false, DateTimeOffset.UtcNow);

    /// <summary>An urban repair assigned, intake's estimate held, and its engineer on site: the engineer's client comes with it.</summary>
    public static async Task<(Messages.Intake.ServiceOrderOpened Order, Messages.Dispatch.EngineerAssigned Visit, Proto.DispatchService.DispatchServiceClient Engineer)>
        ArrivedAsync(this DispatchService service, bool chargeable, decimal total, int revision = 2)
    {
        var (order, visit) = await service.AssignedAsync();
        await service.PublishAsync(Estimate(order, chargeable, total, revision));
        await Testing.Eventually.Until(() => service.OrderAsync(order.OrderId), o => o.Fee is not null, TimeSpan.FromSeconds(15), "the estimate held");
        var engineer = service.Dispatch(HotlineRoles.Engineer, "CS", visit.EngineerId);
        await engineer.ReportArrivalAsync(Report(order, visit));
        return (order, visit, engineer);
    }

    /// <summary>A report about the assigned visit, by its engineer unless another is named.</summary>
    public static Proto.VisitReport Report(Messages.Intake.ServiceOrderOpened order, Messages.Dispatch.EngineerAssigned visit, string? engineerId = null) => new()
    {
        OrderId = order.OrderId.ToString(), VisitId = visit.VisitId.ToString(), EngineerId = engineerId ?? visit.EngineerId,
    };

    /// <summary>The next change on the watched board to the order that <paramref name="wanted"/> accepts.</summary>
    public static async Task<Proto.BoardEntry> NextEntryAsync(
        IAsyncStreamReader<Proto.BoardUpdate> stream, Guid orderId, Func<Proto.BoardEntry, bool> wanted, CancellationToken ct)
    {
        while (await stream.MoveNext(ct))
        {
            if (stream.Current.EntryChanged is { } entry && entry.OrderId == orderId.ToString() && wanted(entry))
            {
                return entry;
            }
        }

        throw new InvalidOperationException("the board stream ended");
    }
}
