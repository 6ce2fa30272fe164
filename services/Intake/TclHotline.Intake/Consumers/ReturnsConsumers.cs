using MassTransit;
using TclHotline.Intake.Api;
using TclHotline.Intake.Application;
using TclHotline.Intake.Data;
using TclHotline.Intake.Domain.Calls;
using TclHotline.Messages.Returns;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Inbox;
using TclHotline.ServiceDefaults.Security;

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
        var caller = new Caller(m.ReportedBy, new HashSet<string>(StringComparer.Ordinal), m.BranchCode, null, m.DealerCode);
        var (input, idempotent) = IntakeContract.PreSaleCall(m, caller);
        var validation = validator.Validate(input with { AgentId = caller.UserId });
        if (!validation.IsValid)
            // The dealer's configured shop address is wrong: to the error queue, where an operator sees why.
            throw new InvalidOperationException("The pre-sale repair of report " + m.ReportId + " cannot be registered: "
                + string.Join("; ", validation.Errors.Select(e => $"{e.Field} {e.Problem}")));
        await registrar.RegisterAsync(validation.Registration!, idempotent, caller, IntakeContract.RegisterReplies, context.CancellationToken);
    }
}

/// <summary>Rules 17 and 24: the returns service settled the panel exchange (every step done), so the order awaiting it is completed.</summary>
public sealed class PanelExchangeCompletedConsumer(IntakeDatabase db) : InboxConsumer<PanelExchangeCompleted, IntakeDatabase>(db)
{
    protected override Task Handle(PanelExchangeCompleted message, UnitOfWork unit) =>
        unit.ExecuteAsync(IntakeSql.CompleteExchangedOrder, new { message.OrderId, unit.Now });
}
