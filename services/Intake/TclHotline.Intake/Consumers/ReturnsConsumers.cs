using MassTransit;
using TclHotline.Intake.Domain.Calls;
using TclHotline.Intake.Api;
using TclHotline.Intake.Application;
using TclHotline.Intake.Data;
using TclHotline.Messages.Returns;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Inbox;
using TclHotline.ServiceDefaults.Security;
using V1 = TclHotline.Grpc.Intake.V1;

namespace TclHotline.Intake.Consumers;

// What the returns service asks of intake: open a pre-sale repair order (rule 18), complete an exchanged order (rule 17).

/// <summary>
/// Rule 18: the returns service found a unit of dealer stock damaged or faulty. It is registered as a call from
/// the dealer's shop that opens a pre-sale repair order, through the same validation and registrar as an
/// agent's call, so dispatch plans it like any other order. The report id is the idempotency key: a message
/// delivered twice replays the first registration instead of opening a second order.
/// </summary>
public sealed class PreSaleRepairRequestedConsumer(RegisterCallValidator validator, CallRegistrar registrar) : IConsumer<PreSaleRepairRequested>
{
    public async Task Consume(ConsumeContext<PreSaleRepairRequested> context)
    {
        var m = context.Message;
        var request = new V1.RegisterCallRequest
        {
            IdempotencyKey = "pre-sale:" + m.ReportId.ToString("D"),
            CallerNumber = m.ContactPhone,
            CustomerName = m.DealerName,
            ProvinceCode = m.ProvinceCode,
            CityCode = m.CityCode,
            DistrictCode = m.DistrictCode,
            StreetAddress = m.StreetAddress,
            OrderType = V1.OrderType.PreSaleRepair,
            ProductModel = m.ProductModel,
            SerialNumber = m.SerialNumber,
            FaultCategory = m.Finding switch
            {
                "CrackedPanel" or "ScratchedPanel" => V1.FaultCategory.Panel,
                "ScratchedCase" => V1.FaultCategory.Appearance,
                _ => V1.FaultCategory.Other,
            },
            FaultDescription = string.IsNullOrWhiteSpace(m.Description) ? m.Finding : m.Description,
        };
        var caller = new Caller(m.ReportedBy, new HashSet<string>(StringComparer.Ordinal), m.BranchCode, null, m.DealerCode);
        var validation = validator.Validate(IntakeContract.ToInput(request) with { AgentId = caller.UserId });
        if (!validation.IsValid)
            // The dealer's configured shop address is wrong: to the error queue, where an operator sees why.
            throw new InvalidOperationException("The pre-sale repair of report " + m.ReportId + " cannot be registered: "
                + string.Join("; ", validation.Errors.Select(e => $"{e.Field} {e.Problem}")));
        var idempotent = IdempotentRequest.For(caller, CallRegistrar.Operation, request.IdempotencyKey, request);
        await registrar.RegisterAsync(validation.Registration!, idempotent, caller, context.CancellationToken);
    }
}

/// <summary>Rules 17 and 24: the returns service settled the panel exchange (every step done), so the order awaiting it is completed.</summary>
public sealed class PanelExchangeCompletedConsumer(IntakeDatabase db) : InboxConsumer<PanelExchangeCompleted, IntakeDatabase>(db)
{
    protected override Task Handle(PanelExchangeCompleted message, UnitOfWork unit) =>
        unit.ExecuteAsync(IntakeSql.CompleteExchangedOrder, new { message.OrderId, unit.Now });
}
