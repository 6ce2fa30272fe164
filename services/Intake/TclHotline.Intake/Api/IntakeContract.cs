using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using TclHotline.Intake.Application;
using TclHotline.Intake.Data;
using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Calls;
using TclHotline.Intake.Domain.Fees;
using TclHotline.Intake.Domain.Warranty;
using TclHotline.Messages.Returns;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using static TclHotline.ServiceDefaults.Grpc.ProtoValues;
using V1 = TclHotline.Grpc.Intake.V1;

namespace TclHotline.Intake.Api;

/// <summary>
/// Between the domain and the gRPC contract: proto types stop here. The domain enums share the contract's numbers,
/// so enums convert by value. Stored decisions are read as the domain's records and shaped for the contract here.
/// </summary>
public static class IntakeContract
{
    /// <summary>RegisterCall's reply, kept under its idempotency key as its protobuf bytes.</summary>
    public static readonly ReplyForm<V1.RegisterCallReply> RegisterReplies =
        new(ToContract, reply => reply.ToByteArray(), V1.RegisterCallReply.Parser.ParseFrom);

    public static RegisterCallInput ToInput(V1.RegisterCallRequest r) => new()
    {
        IdempotencyKey = r.IdempotencyKey,
        CallId = r.CallId,
        AgentId = r.AgentId,
        CallerNumber = r.CallerNumber,
        CustomerName = r.CustomerName,
        ProvinceCode = r.ProvinceCode,
        CityCode = r.CityCode,
        DistrictCode = r.DistrictCode,
        StreetAddress = r.StreetAddress,
        OrderType = (OrderType)r.OrderType,
        BracketSource = (BracketSource)r.BracketSource,
        ProductModel = r.ProductModel,
        SerialNumber = r.SerialNumber,
        PurchaseDate = r.PurchaseDate,
        InvoiceNumber = r.InvoiceNumber,
        InvoiceDate = r.InvoiceDate,
        HasWarrantyCard = r.HasWarrantyCard,
        InstallationDate = r.InstallationDate,
        InstalledThroughHotline = r.InstalledThroughHotline,
        ProductionDate = r.ProductionDate,
        FaultCategory = (FaultCategory)r.FaultCategory,
        FaultDescription = r.FaultDescription,
        RequestedVisitAt = ToInstant(r.RequestedVisitAt),
        ComplaintCategory = (ComplaintCategory)r.ComplaintCategory,
        ComplaintDescription = r.ComplaintDescription,
        RelatedOrderNumber = r.RelatedOrderNumber,
    };

    /// <summary>
    /// Rule 18: the pre-sale repair the returns service asks for, as the RegisterCall a dealer's shop would make.
    /// The report id is the idempotency key, hashed over the same request bytes as an agent's call.
    /// </summary>
    public static (RegisterCallInput Input, IdempotentRequest? Idempotent) PreSaleCall(PreSaleRepairRequested m, Caller caller)
    {
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
        return (ToInput(request), IdempotentRequest.For(caller, CallRegistrar.Operation, request.IdempotencyKey, request));
    }

    public static V1.WarrantyDecision ToContract(WarrantyDecision d)
    {
        var pb = new V1.WarrantyDecision
        {
            AsOf = ContractDate.ToText(d.AsOf),
            Coverage = (V1.WarrantyCoverage)d.Coverage,
            InWarranty = d.InWarranty,
            StartDate = Text(d.StartDate),
            StartBasis = (V1.WarrantyStartBasis)d.StartBasis,
            InvoiceDate = Text(d.InvoiceDate),
            InstallationDate = Text(d.InstallationDate),
            ProductionFirstDay = Text(d.Production?.FirstDay),
            ProductionLastDay = Text(d.Production?.LastDay),
            ProductionSource = (V1.ProductionDateSource)(d.Production?.Source ?? ProductionDateSource.Unspecified),
            WholeUnitEnd = Text(d.WholeUnitEnd),
            MainPartsEnd = Text(d.MainPartsEnd),
            WholeUnitExtensionDays = d.WholeUnitExtensionDays,
            MainPartsExtensionDays = d.MainPartsExtensionDays,
            ExchangeEligible = d.ExchangeEligible,
            FaultReportsInPeriod = d.FaultReportsInPeriod,
            InvoiceNeedsVerification = d.InvoiceNeedsVerification,
        };
        pb.Remedies.AddRange(d.Remedies.Select(r => (V1.Remedy)r));
        pb.MissingProofs.AddRange(d.MissingProofs.Select(p => (V1.Proof)p));
        pb.RulesApplied.AddRange(d.RulesApplied);
        return pb;
    }

    public static V1.FeeEstimate ToContract(FeeEstimate f)
    {
        var pb = new V1.FeeEstimate
        {
            Chargeable = f.Chargeable,
            Total = Money(f.Total, f.Currency),
            Reason = f.Reason,
            TravelIncluded = f.TravelIncluded,
            Provisional = f.Provisional,
        };
        pb.Lines.AddRange(f.Lines.Select(l => ToContract(l, f.Currency)));
        pb.RulesApplied.AddRange(f.RulesApplied);
        return pb;
    }

    public static V1.FeeSettlement ToContract(SettledFee settled)
    {
        var s = settled.Settlement;
        var pb = new V1.FeeSettlement
        {
            Charged = Money(s.Charged, s.Currency),
            Reason = s.Reason,
            Difference = Money(s.Difference, s.Currency),
            ChargeReason = s.ChargeReason,
            WarrantyExclusion = s.Exclusion switch
            {
                WarrantyExclusion.UserDamage => "USER_DAMAGE",
                WarrantyExclusion.Appearance => "APPEARANCE",
                _ => "",
            },
            EstimateRevision = settled.EstimateRevision,
            SettledAt = Timestamp.FromDateTimeOffset(settled.SettledAt),
        };
        pb.Lines.AddRange(s.Lines.Select(l => ToContract(l, s.Currency)));
        pb.RulesApplied.AddRange(s.RulesApplied);
        pb.ExtraParts.AddRange(s.ExtraParts ?? []);
        return pb;
    }

    private static V1.FeeLine ToContract(FeeLine l, string currency) => new()
    {
        Kind = (V1.FeeLineKind)l.Kind,
        Amount = Money(l.Amount, currency),
        Description = l.Description,
        Rule = l.Rule ?? 0,
    };

    public static V1.RegisterCallReply ToContract(RegisteredCall r) => new()
    {
        CallRecordId = r.CallRecordId.ToString(),
        Order = r.Order is { } order ? ToContract(order) : null,
        RepeatCall = r.RepeatCall,
        RepeatCount = r.RepeatCount,
        HandedToComplaints = r.HandedToComplaints,
    };

    public static V1.ListServiceOrdersReply ToContract(OrderPage page)
    {
        var pb = new V1.ListServiceOrdersReply { NextPageToken = page.NextPageToken };
        pb.Orders.AddRange(page.Orders.Select(ToContract));
        return pb;
    }

    public static V1.LookupCallerReply ToContract(CallerLookup lookup)
    {
        if (lookup.Customer is not { } customer)
            return new V1.LookupCallerReply { Found = false };
        var pb = new V1.LookupCallerReply
        {
            Found = true,
            Customer = ToContract(customer),
            MoreUnits = lookup.MoreUnits,
            MoreOpenOrders = lookup.MoreOpenOrders,
        };
        pb.Units.AddRange(lookup.Units.Select(u => ToContract(u.Unit, u.RepairCount, u.Warranty)));
        pb.OpenOrders.AddRange(lookup.OpenOrders.Select(ToContract));
        pb.LastCalls.AddRange(lookup.LastCalls.Select(ToContract));
        return pb;
    }

    /// <summary>The order with the estimates given so far (a single order's read; lists leave the history out).</summary>
    public static V1.ServiceOrder ToContract(OrderRecord record)
    {
        var pb = ToContract(record.Order);
        pb.FeeHistory.AddRange(record.FeeHistory.Select(h => new V1.FeeEstimateRecord
        {
            Revision = h.Revision,
            Cause = h.Cause,
            EstimatedAt = Timestamp.FromDateTimeOffset(h.EstimatedAt),
            Estimate = ToContract(StoredDecisions.Fee(h.Estimate)),
        }));
        return pb;
    }

    public static V1.ServiceOrder ToContract(ServiceOrderRow o)
    {
        var pb = Order(o);
        if (o.FeeSettlement is { } settlement)
            pb.Settlement = ToContract(StoredDecisions.Settlement(settlement));
        if (!string.IsNullOrEmpty(o.PanelExchangeOffers))
            pb.PanelExchangeOffers.AddRange(o.PanelExchangeOffers.Split(',').Select(name =>
                (V1.PanelExchangeOffer)(1 + (int)System.Enum.Parse<PanelExchangeOffer>(name))));
        if (o.InvoiceVerification is { } verification)
            pb.InvoiceVerification = new V1.InvoiceVerification
            {
                State = verification switch
                {
                    "Genuine" => V1.InvoiceVerificationState.Genuine,
                    "False" => V1.InvoiceVerificationState.False,
                    _ => V1.InvoiceVerificationState.Pending,
                },
                Reason = o.InvoiceVerificationReason ?? "",
                VerifiedBy = o.InvoiceVerifiedBy ?? "",
                VerifiedAt = ToTimestamp(o.InvoiceVerifiedAt),
            };
        return pb;
    }

    private static V1.ServiceOrder Order(ServiceOrderRow o) => new()
    {
        OrderId = o.OrderId.ToString(),
        OrderNumber = o.OrderNumber,
        Status = (V1.OrderStatus)o.Status,
        OrderType = (V1.OrderType)o.OrderType,
        BranchCode = o.BranchCode,
        BranchName = o.BranchName,
        Area = o.IsUrban ? V1.AreaKind.Urban : V1.AreaKind.Remote,
        ProvinceCode = o.ProvinceCode,
        CityCode = o.CityCode,
        DistrictCode = o.DistrictCode,
        DistrictName = o.DistrictName,
        StreetAddress = o.StreetAddress ?? "",
        CustomerName = o.CustomerName,
        CallerNumber = o.CallerNumber,
        ProductModel = o.ProductModel ?? "",
        SerialNumber = o.SerialNumber ?? "",
        FaultCategory = (V1.FaultCategory)o.FaultCategory,
        FaultDescription = o.FaultDescription ?? "",
        BracketSource = (V1.BracketSource)o.BracketSource,
        RegisteredAt = Timestamp.FromDateTimeOffset(o.RegisteredAt),
        RequestedVisitAt = ToTimestamp(o.RequestedVisitAt),
        CallId = o.CallId ?? "",
        AgentId = o.AgentId,
        Warranty = ToContract(StoredDecisions.Warranty(o.WarrantyDecision)),
        Fee = ToContract(StoredDecisions.Fee(o.FeeEstimate)),
        RepeatCallCount = o.RepeatCallCount,
        CancelReason = o.CancelReason ?? "",
        CancelledAt = ToTimestamp(o.CancelledAt),
        SerialFoundOnSite = o.SerialFoundOnSite ?? "",
        OutletId = o.OutletId ?? "",
    };

    public static V1.Customer ToContract(CustomerRow c) => new()
    {
        CustomerId = c.CustomerId.ToString(),
        Name = c.Name,
        CallerNumber = c.CallerNumber,
        ProvinceCode = c.ProvinceCode,
        CityCode = c.CityCode,
        DistrictCode = c.DistrictCode,
        StreetAddress = c.StreetAddress ?? "",
    };

    public static V1.Unit ToContract(UnitRow u, int repairCount, WarrantyDecision warranty) => new()
    {
        SerialNumber = u.SerialNumber,
        ProductModel = u.ProductModel ?? "",
        PurchaseDate = Text(u.PurchaseDate),
        InvoiceDate = Text(u.InvoiceDate),
        ProductionDate = Text(u.ProductionDate),
        RepairCount = repairCount,
        Warranty = ToContract(warranty),
    };

    public static V1.CallSummary ToContract(CallRow c) => new()
    {
        CallRecordId = c.CallRecordId.ToString(),
        CallId = c.CallId ?? "",
        CalledAt = Timestamp.FromDateTimeOffset(c.CalledAt),
        OrderType = (V1.OrderType)c.OrderType,
        OrderNumber = c.OrderNumber ?? "",
        RepeatCall = c.RepeatCall,
        AgentId = c.AgentId,
    };

    /// <summary>A contract date text ("yyyy-MM-dd"), null when blank; false when it is not a date.</summary>
    public static bool TryDate(string text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!ContractDate.TryParse(text.Trim(), out var parsed))
            return false;
        date = parsed;
        return true;
    }

    private static string Text(DateOnly? date) => date is { } d ? ContractDate.ToText(d) : "";

    private static V1.Money Money(decimal amount, string currency)
    {
        var units = decimal.Truncate(amount);
        return new V1.Money
        {
            CurrencyCode = currency,
            Units = (long)units,
            Nanos = (int)decimal.Round((amount - units) * 1_000_000_000m),
        };
    }
}
