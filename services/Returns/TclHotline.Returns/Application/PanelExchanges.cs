using System.Data;
using Dapper;
using TclHotline.Messages.Returns;
using TclHotline.Returns.Api;
using TclHotline.Returns.Data;
using TclHotline.Returns.Domain;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;
using V1 = TclHotline.Grpc.Returns.V1;

namespace TclHotline.Returns.Application;

/// <summary>
/// Rule 17: the exchange intake offered on an order whose panel can be neither repaired nor supplied. The
/// customer's choice is valued by the depreciation table; then rule 24's settlement steps in order (the dealer
/// hands over the new unit, the branch takes the old one back, the old unit is scrapped, the panel goes back to
/// the factory). The last step tells intake, over the bus, that the order is done.
/// </summary>
public sealed class PanelExchanges(ReturnsDatabase db, Depreciation depreciation, ReturnsCalendar calendar)
{
    public const string Subject = "exchange";

    private static readonly IReadOnlyDictionary<ExchangeChoice, string> OfferNames = new Dictionary<ExchangeChoice, string>
    {
        [ExchangeChoice.Depreciation] = "DepreciationExchange",
        [ExchangeChoice.TopUp] = "TopUpExchange",
    };

    public sealed record Choice(Guid OrderId, ExchangeChoice Chosen, decimal PurchasePrice, DateOnly PurchasedOn, string NewModel, decimal? NewModelPrice);

    public async Task<V1.PanelExchange> ChooseAsync(Choice input, Caller caller, CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var exchange = await FindAsync(unit.Connection, unit.Transaction, input.OrderId);
        caller.EnsureBranch(exchange.BranchCode);
        if (!exchange.Offers.Split(',').Contains(OfferNames[input.Chosen]))
            new FieldErrors().Add("choice", "was not offered on this order").ThrowIfAny();
        var current = Enum.Parse<ExchangeStep>(exchange.Step);
        if (Processes.Exchange.Refusal(current, ExchangeStep.Chosen) is { } refusal)
            new FieldErrors().Add("order_id", "the customer's choice is already recorded: " + refusal).ThrowIfAny();

        var value = depreciation.Value(input.PurchasePrice, input.PurchasedOn, calendar.Today,
            input.Chosen == ExchangeChoice.TopUp ? input.NewModelPrice : null);
        var changed = await unit.ExecuteAsync(ReturnsSql.RecordChoice, new
        {
            input.OrderId,
            Choice = input.Chosen.ToString(),
            input.PurchasePrice,
            input.PurchasedOn,
            value.AgeMonths,
            DepreciationPercent = value.ValuePercent,
            value.DepreciatedValue,
            NewModel = input.NewModel,
            input.NewModelPrice,
            value.TopUp,
            Current = current.ToString(),
            Step = nameof(ExchangeStep.Chosen),
        });
        if (changed != 1)
            throw new RuleViolationException("the exchange moved on meanwhile; read it again");
        await ProcessSteps.RecordAsync(unit, Subject, input.OrderId, nameof(ExchangeStep.Chosen), caller, input.Chosen.ToString());
        await unit.AuditAsync(caller, $"returns.{Subject}.{ExchangeStep.Chosen}", Subject, input.OrderId.ToString("D"), null, new
        {
            Choice = input.Chosen.ToString(), value.AgeMonths, value.ValuePercent, value.DepreciatedValue, value.TopUp,
        });
        var reply = await ReadAsync(unit.Connection, unit.Transaction, input.OrderId);
        await unit.CommitAsync();
        return reply;
    }

    public async Task<V1.PanelExchange> AdvanceAsync(Guid orderId, ExchangeStep step, string note, Caller caller, CancellationToken ct)
    {
        await using var unit = await db.BeginAsync(ct);
        var exchange = await FindAsync(unit.Connection, unit.Transaction, orderId);
        caller.EnsureBranch(exchange.BranchCode);
        if (step == ExchangeStep.Chosen)
            new FieldErrors().Add(ProcessSteps.Field, "the customer's choice is recorded with ChooseExchange").ThrowIfAny();
        await ProcessSteps.TakeAsync(unit, Processes.Exchange, Subject, orderId, Enum.Parse<ExchangeStep>(exchange.Step), step,
            ReturnsSql.SetExchangeStep, caller, note);
        if (Processes.Exchange.IsDone(step))
            await unit.PublishAsync(new PanelExchangeCompleted(orderId, exchange.OrderNumber, exchange.BranchCode, exchange.SerialNumber,
                OfferNames[Enum.Parse<ExchangeChoice>(exchange.Choice!)], unit.Now), orderId.ToString("D"));
        var reply = await ReadAsync(unit.Connection, unit.Transaction, orderId);
        await unit.CommitAsync();
        return reply;
    }

    public async Task<V1.PanelExchange> GetAsync(Guid orderId, Caller caller, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var reply = await ReadAsync(c, null, orderId);
        caller.EnsureBranch(reply.BranchCode);
        return reply;
    }

    private static async Task<PanelExchangeRow> FindAsync(IDbConnection c, IDbTransaction? tx, Guid orderId) =>
        await c.QuerySingleOrDefaultAsync<PanelExchangeRow>(ReturnsSql.SelectExchange, new { OrderId = orderId }, tx)
        ?? throw new NotFoundException("no panel exchange was offered on this order");

    private static async Task<V1.PanelExchange> ReadAsync(IDbConnection c, IDbTransaction? tx, Guid orderId)
    {
        var x = await FindAsync(c, tx, orderId);
        var pb = new V1.PanelExchange
        {
            OrderId = x.OrderId.ToString("D"),
            OrderNumber = x.OrderNumber,
            BranchCode = x.BranchCode,
            SerialNumber = x.SerialNumber,
            Choice = ProtoMapping.ToProto<ExchangeChoice, V1.ExchangeChoice>(x.Choice),
            PurchasePrice = ProtoMapping.Money(x.PurchasePrice),
            PurchasedOn = x.PurchasedOn is { } on ? ReturnsCalendar.Format(on) : "",
            AgeMonths = x.AgeMonths ?? 0,
            DepreciationPercent = ProtoMapping.Money(x.DepreciationPercent),
            DepreciatedValue = ProtoMapping.Money(x.DepreciatedValue),
            NewModel = x.NewModel ?? "",
            NewModelPrice = ProtoMapping.Money(x.NewModelPrice),
            TopUp = ProtoMapping.Money(x.TopUp),
            Step = ProtoMapping.ToProto<ExchangeStep, V1.ExchangeStep>(x.Step),
        };
        pb.Offers.AddRange(x.Offers.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(o => OfferNames.Single(n => n.Value == o).Key).Select(k => (V1.ExchangeChoice)(int)k));
        pb.Steps.AddRange((await ReturnsReads.StepsAsync<ExchangeStep>(c, tx, Subject, orderId)).Select(ProtoMapping.ToProto));
        return pb;
    }

    /// <summary>The offer as intake publishes it: the exchange starts at Offered.</summary>
    public static object OfferRow(Messages.Intake.PanelExchangeOffered m) => new
    {
        m.OrderId, m.OrderNumber, m.BranchCode, m.SerialNumber, Offers = string.Join(",", m.Offers.Where(OfferNames.Values.Contains)),
        m.OfferedAt, Step = nameof(ExchangeStep.Offered),
    };
}
